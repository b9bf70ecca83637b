package dev.outbox.api.ops;

/** One dependency the api needs to serve requests; {@link #isUp()} never throws. */
interface ReadinessCheck {

  String name();

  boolean isUp();
}
