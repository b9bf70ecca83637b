package dev.outbox.core.application;

/** Register a user with this email and an optional E.164 phone (null or blank: none). */
public record RegisterUserCommand(String email, String phone) {}
