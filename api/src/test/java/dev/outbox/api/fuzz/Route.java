package dev.outbox.api.fuzz;

/** The four write routes the fuzz run aims at, with the rows a success of each writes. */
enum Route {
  USERS("POST /users"),
  VERIFY_EMAIL("POST /users/{id}/verify-email"),
  ORDERS("POST /orders"),
  PAYMENTS("POST /orders/{id}/payments");

  final String label;

  Route(String label) {
    this.label = label;
  }
}
