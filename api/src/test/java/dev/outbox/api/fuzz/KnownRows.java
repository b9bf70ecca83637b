package dev.outbox.api.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the run has created so far, so generated requests can name real users and orders (and so
 * reach the use cases, not just validation), and the keyed requests it may replay or reuse.
 */
final class KnownRows {

  static final class User {
    final String id;
    final String email;
    boolean verified;

    User(String id, String email) {
      this.id = id;
      this.email = email;
    }
  }

  static final class Order {
    final String id;
    final String currency;
    final String total;
    boolean paid;

    Order(String id, String currency, String total) {
      this.id = id;
      this.currency = currency;
      this.total = total;
    }
  }

  /** A request sent with an Idempotency-Key, to send again as is or with another body. */
  record Keyed(String key, FuzzRequest request) {}

  private static final int KEPT = 200;

  final List<User> users = new ArrayList<>();
  final List<Order> orders = new ArrayList<>();
  final List<Keyed> keyed = new ArrayList<>();

  User anyUser(Random random) {
    return users.get(random.nextInt(users.size()));
  }

  /** Mostly an unverified user (a verification that writes), else any. */
  User userToVerify(Random random) {
    List<User> open = users.stream().filter(u -> !u.verified).toList();
    return open.isEmpty() || random.nextInt(4) == 0 ? anyUser(random) : pick(open, random);
  }

  /** Mostly an unpaid order (a payment that writes), else any (409 when it is paid). */
  Order orderToPay(Random random) {
    List<Order> open = orders.stream().filter(o -> !o.paid).toList();
    return open.isEmpty() || random.nextInt(4) == 0 ? pick(orders, random) : pick(open, random);
  }

  void rememberKeyed(String key, FuzzRequest request) {
    keyed.add(new Keyed(key, request));
    if (keyed.size() > KEPT) {
      keyed.remove(0);
    }
  }

  User user(String id) {
    return users.stream().filter(u -> u.id.equals(id)).findFirst().orElse(null);
  }

  Order order(String id) {
    return orders.stream().filter(o -> o.id.equals(id)).findFirst().orElse(null);
  }

  private static <T> T pick(List<T> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }
}
