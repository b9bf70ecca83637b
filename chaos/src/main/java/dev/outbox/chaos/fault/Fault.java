package dev.outbox.chaos.fault;

/** One fault of the sequence: injects itself, waits (bounded) for the recovery it measures. */
public interface Fault {

  /** The fault's phase name, e.g. relay-kill-2. */
  String name();

  FaultResult inject(FaultContext context) throws Exception;
}
