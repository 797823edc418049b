package dev.xmppreactive.servers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a parameter of type {@link XmppServer} or {@link EjabberdServer} of a test, lifecycle method
 * or test constructor: it receives the ejabberd instance shared by all tests of this JVM that ask for
 * the same options (see {@link SharedServers}). Registers {@link RealServersExtension} by itself.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealServersExtension.class)
public @interface Ejabberd {
  /** Whether message archive management (on SQLite) is on. */
  boolean mam() default false;

  /** Whether in-band registration is on. */
  boolean registration() default false;

  /** Whether a MUC service runs at {@code conference.<domain>}. */
  boolean muc() default false;

  /** Which certificate the server presents. */
  CertificateTrust certificate() default CertificateTrust.TRUSTED;
}
