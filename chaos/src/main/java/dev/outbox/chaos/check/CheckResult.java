package dev.outbox.chaos.check;

/** One pass/fail line of the verdict. */
public record CheckResult(String name, boolean passed, String detail) {}
