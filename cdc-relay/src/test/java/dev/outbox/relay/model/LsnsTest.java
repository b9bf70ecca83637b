package dev.outbox.relay.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LsnsTest {

  @Test
  void formats_and_parses_postgresql_text_form() {
    assertThat(Lsns.format(0x16B3748L)).isEqualTo("0/16B3748");
    assertThat(Lsns.format((3L << 32) | 0xAL)).isEqualTo("3/A");
    assertThat(Lsns.format(0)).isEqualTo("0/0");
    assertThat(Lsns.format(-1L)).isEqualTo("FFFFFFFF/FFFFFFFF");
    assertThat(Lsns.format(0xABCDEF0012345678L)).isEqualTo("ABCDEF00/12345678");
    assertThat(Lsns.parse("0/16B3748")).isEqualTo(0x16B3748L);
    assertThat(Lsns.parse(Lsns.format(0xFFFFFFFF12345678L >>> 1)))
        .isEqualTo(0xFFFFFFFF12345678L >>> 1);
  }

  @Test
  void rejects_anything_else() {
    assertThatThrownBy(() -> Lsns.parse("16B3748")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Lsns.parse("0/XYZ")).isInstanceOf(IllegalArgumentException.class);
  }
}
