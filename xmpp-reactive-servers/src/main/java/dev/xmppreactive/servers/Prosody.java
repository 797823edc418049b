package dev.xmppreactive.servers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a parameter of type {@link XmppServer} or {@link ProsodyServer} of a test, lifecycle method
 * or test constructor: it receives the Prosody instance shared by all tests of this JVM that ask for
 * the same options (see {@link SharedServers}). Registers {@link RealServersExtension} by itself.
 *
 * <pre>{@code
 * @Test
 * void logsIn(@Prosody(passwordHash = PasswordHash.SHA_256) XmppServer server) {
 *   TestUser alice = server.newUser("alice");
 *   ...
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealServersExtension.class)
public @interface Prosody {
  /** The hash accounts store SCRAM keys for. */
  PasswordHash passwordHash() default PasswordHash.SHA_1;

  /** Whether message archive management is on. */
  boolean mam() default false;

  /** Whether in-band registration is on. */
  boolean registration() default false;

  /** Whether a MUC service runs at {@code conference.<domain>}. */
  boolean muc() default false;

  /** Which certificate the server presents. */
  CertificateTrust certificate() default CertificateTrust.TRUSTED;
}
