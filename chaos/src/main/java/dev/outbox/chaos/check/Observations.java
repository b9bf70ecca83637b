package dev.outbox.chaos.check;

import dev.outbox.chaos.fault.FaultResult;
import dev.outbox.chaos.load.HttpOutcome;
import dev.outbox.chaos.load.Write;
import dev.outbox.chaos.observe.Arrival;
import dev.outbox.chaos.observe.CommittedEvent;
import dev.outbox.chaos.observe.Kill;
import dev.outbox.chaos.observe.OutboxRow;
import dev.outbox.chaos.observe.Timeline;
import dev.outbox.chaos.observe.UnrecordedSend;
import dev.outbox.chaos.provider.ProviderRequest;
import java.util.List;
import java.util.Map;

/**
 * Everything a run saw, each from its own independent source, for the checker.
 *
 * @param committed the commit-order slot's outbox inserts
 * @param rows the outbox table at the end
 * @param arrivals the audit queue's arrivals
 * @param requests the provider stand-in's request log
 * @param notifierKills the SIGKILLs of notifier incarnations
 * @param unrecorded the sends the notifiers logged as accepted but not recorded
 * @param outcomes every HTTP request's final outcome
 * @param writes acknowledged writes (API 2xx, SQL commits)
 * @param deliveryStates the notifier's delivery log, per state
 * @param faults the injected faults and their recoveries
 * @param unrecovered why the fault sequence stopped early, or null when every fault recovered
 * @param drained whether everything was delivered and sent within the drain bound
 */
public record Observations(
    List<CommittedEvent> committed,
    List<OutboxRow> rows,
    List<Arrival> arrivals,
    List<ProviderRequest> requests,
    List<Kill> notifierKills,
    List<UnrecordedSend> unrecorded,
    List<HttpOutcome> outcomes,
    List<Write> writes,
    Timeline timeline,
    Map<String, Long> deliveryStates,
    List<FaultResult> faults,
    String unrecovered,
    boolean drained) {}
