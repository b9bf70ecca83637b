package dev.outbox.relay.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.junit.jupiter.api.Test;

class StaleEngineMBeansTest {

  /** A bean shaped like the ones Debezium registers. */
  public interface ProbeMBean {
    int getValue();
  }

  @Test
  void the_beans_of_the_slot_go_and_those_of_other_slots_stay() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName mine =
        new ObjectName(
            "debezium.postgres:type=connector-metrics,context=streaming,server=stale_slot_test");
    ObjectName other =
        new ObjectName(
            "debezium.postgres:type=connector-metrics,context=streaming,server=other_slot_test");
    ProbeMBean bean = () -> 1;
    server.registerMBean(new StandardMBean(bean, ProbeMBean.class), mine);
    server.registerMBean(new StandardMBean(bean, ProbeMBean.class), other);
    try {
      StaleEngineMBeans.remove("stale_slot_test");

      assertThat(server.isRegistered(mine)).isFalse();
      assertThat(server.isRegistered(other)).isTrue();
    } finally {
      server.unregisterMBean(other);
    }
  }
}
