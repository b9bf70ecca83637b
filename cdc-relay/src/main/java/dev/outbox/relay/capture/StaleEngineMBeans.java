package dev.outbox.relay.capture;

import java.lang.management.ManagementFactory;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the JMX beans an earlier engine of the same slot left behind. Debezium names its
 * connector beans after the topic prefix (the slot name) and unregisters them when its task stops;
 * a task interrupted while stopping (the relay lost its lock, or its slot, under a running engine)
 * leaves them registered, and the next engine's coordinator then retries each registration for a
 * minute before it streams (Debezium 3.6.1's JmxUtils), which stalls delivery after a failover.
 */
final class StaleEngineMBeans {

  private static final Logger log = LoggerFactory.getLogger(StaleEngineMBeans.class);

  private StaleEngineMBeans() {}

  /** Unregisters {@code debezium.postgres:*,server=<slot>}; called before an engine starts. */
  static void remove(String slot) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      // slot names are lower-case letters, digits and underscores: a valid name value unquoted
      remove(server, new ObjectName("debezium.postgres:server=" + slot + ",*"));
    } catch (MalformedObjectNameException e) {
      log.debug("slot {} makes no JMX name; nothing to remove", slot, e);
    }
  }

  private static void remove(MBeanServer server, ObjectName pattern) {
    for (ObjectName name : server.queryNames(pattern, null)) {
      try {
        server.unregisterMBean(name);
        log.info("removed {} left by the slot's previous engine", name);
      } catch (InstanceNotFoundException e) {
        // gone meanwhile: what was wanted
      } catch (JMException e) {
        log.warn("could not remove {} left by the slot's previous engine: {}", name, e.toString());
      }
    }
  }
}
