package dev.xmppreactive.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {
  @TempDir
  Path folder;

  @Test
  void withersCopyAndValidate() {
    ProsodyOptions defaults = ProsodyOptions.defaults();
    ProsodyOptions sha256 = defaults.withPasswordHash(PasswordHash.SHA_256).withMam(true);
    assertThat(defaults.passwordHash()).isEqualTo(PasswordHash.SHA_1);
    assertThat(defaults.mam()).isFalse();
    assertThat(sha256.passwordHash()).isEqualTo(PasswordHash.SHA_256);
    assertThat(sha256.mam()).isTrue();
    assertThat(sha256).isEqualTo(defaults.withMam(true).withPasswordHash(PasswordHash.SHA_256));
    assertThatThrownBy(() -> defaults.withDomain("not a domain")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withScramIterations(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EjabberdOptions.defaults().withStartupTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(EjabberdOptions.defaults().withMuc(true).withRegistration(true))
        .isEqualTo(EjabberdOptions.defaults().withRegistration(true).withMuc(true));
  }

  @Test
  void prosodyConfigHasNoLimitsAndNoS2s() {
    TestCertificates certificates = TestCertificates.generate(folder, "example.test", CertificateTrust.TRUSTED);
    String config = ProsodyConfig.render(ProsodyOptions.defaults().withPasswordHash(PasswordHash.SHA_256), folder,
        certificates, 15222, 15223);
    assertThat(config).contains("c2s_ports = { 15222 }", "c2s_direct_tls_ports = { 15223 }",
        "c2s_require_encryption = true", "password_hash = \"SHA-256\"", "tcp_backlog = 4096",
        "modules_disabled = { \"s2s\" }", "\"smacks\"", "VirtualHost \"example.test\"");
    assertThat(config).doesNotContain("\"limits\"", "\"register\"", "\"mam\"", "Component");
    assertThat(ProsodyConfig.render(ProsodyOptions.defaults().withMam(true).withMuc(true).withRegistration(true),
        folder, certificates, 1, 2)).contains("\"mam\"", "\"register\"", "Component \"conference.example.test\" \"muc\"");
  }

  @Test
  void ejabberdConfigHasNoShapersAndPlainPasswords() {
    TestCertificates certificates = TestCertificates.generate(folder, "example.test", CertificateTrust.TRUSTED);
    String config = EjabberdConfig.render(EjabberdOptions.defaults(), folder, certificates, 25222, 25223);
    assertThat(config).contains("port: 25222", "port: 25223", "starttls_required: true", "tls: true",
        "auth_password_format: plain", "c2s_shaper: none", "max_user_sessions: infinity", "backlog: 4096",
        "s2s_access: none", "mod_stream_mgmt", "versioning: true");
    assertThat(config).doesNotContain("mod_fail2ban", "mod_mam", "mod_register", "mod_muc", "sql_type");
    assertThat(EjabberdConfig.render(EjabberdOptions.defaults().withMam(true).withMuc(true).withRegistration(true),
        folder, certificates, 1, 2)).contains("mod_mam", "sql_type: sqlite", "mod_register", "mod_muc");
  }

  @Test
  void ejabberdQueueLimitsAreTheHarnessBoundUnlessRaised() {
    TestCertificates certificates = TestCertificates.generate(folder, "example.test", CertificateTrust.TRUSTED);
    String stock = EjabberdConfig.render(EjabberdOptions.defaults(), folder, certificates, 1, 2);
    assertThat(stock).contains("    max_ack_queue: " + ProsodyConfig.SM_QUEUE)
        .doesNotContain("max_fsm_queue");
    String load = EjabberdConfig.render(EjabberdOptions.defaults().withMaxAckQueue(100_000).withMaxFsmQueue(200_000),
        folder, certificates, 1, 2);
    assertThat(load).contains("    max_ack_queue: 100000");
    assertThat(load.split("max_fsm_queue: 200000", -1)).hasSize(3); // both listeners
    assertThatThrownBy(() -> EjabberdOptions.defaults().withMaxAckQueue(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
