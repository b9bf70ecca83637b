package dev.outbox.relay.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.config.DatabaseSettings;
import dev.outbox.relay.config.DatabaseAddress;
import org.junit.jupiter.api.Test;

class PrimaryHostTest {

  @Test
  void a_single_host_is_the_primary_without_asking() {
    // No server listens there: asking would fail.
    DatabaseSettings one = new DatabaseSettings("jdbc:postgresql://203.0.113.1:1/shop", "u", "");

    assertThat(PrimaryHost.find(one)).isEqualTo(new DatabaseAddress("203.0.113.1", 1, "shop"));
  }

  @Test
  void each_host_is_asked_with_the_urls_parameters_but_the_multi_host_ones() {
    String url =
        "jdbc:postgresql://pg-1:5432,pg-2:5433/shop?targetServerType=primary"
            + "&sslmode=verify-full&loadBalanceHosts=false&sslrootcert=/ca.pem";

    assertThat(PrimaryHost.singleHostUrl(url, new DatabaseAddress("pg-2", 5433, "shop")))
        .isEqualTo("jdbc:postgresql://pg-2:5433/shop?sslmode=verify-full&sslrootcert=/ca.pem");
    assertThat(
            PrimaryHost.singleHostUrl(
                "jdbc:postgresql://pg-1,pg-2/shop?targetServerType=primary",
                new DatabaseAddress("pg-1", 5432, "shop")))
        .isEqualTo("jdbc:postgresql://pg-1:5432/shop");
  }
}
