package dev.xmppreactive.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class InstallationTest {

  @Test
  void aMissingServerSkipsOutsideCi() {
    assertThatThrownBy(() -> Installation.requireOrSkip(Optional.of("Prosody is not installed"), false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("Prosody is not installed")
        .hasMessageContaining("CI is not 'true'");
  }

  @Test
  void aMissingServerFailsInCi() {
    assertThatThrownBy(() -> Installation.requireOrSkip(Optional.of("ejabberd is not installed"), true))
        .isInstanceOf(ServerNotInstalledException.class)
        .hasMessageContaining("ejabberd is not installed")
        .hasMessageContaining("CI=true");
  }

  @Test
  void nothingHappensWhenNothingIsMissing() {
    assertThatCode(() -> Installation.requireOrSkip(Optional.empty(), true)).doesNotThrowAnyException();
    assertThatCode(() -> Installation.requireOrSkip(Optional.empty(), false)).doesNotThrowAnyException();
  }

  @Test
  void directStartsThrowWhateverTheEnvironment() {
    assertThatThrownBy(() -> Installation.require(Optional.of("gone"))).isInstanceOf(ServerNotInstalledException.class);
  }

  @Test
  void executablesAreFoundOnThePath() {
    assertThat(Installation.executable("sh")).isPresent();
    assertThat(Installation.executable("no-such-program-xmpp-reactive")).isEmpty();
  }
}
