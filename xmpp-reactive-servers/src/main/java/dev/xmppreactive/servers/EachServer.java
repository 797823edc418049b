package dev.xmppreactive.servers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test method once against each server, Prosody and ejabberd (the same test against both,
 * as the project's tests are meant to run): its parameter of type {@link XmppServer} receives the
 * shared instance of each in turn (see {@link SharedServers}). A server that is not installed skips
 * its invocation (fails it if {@code CI=true}).
 *
 * <pre>{@code
 * @EachServer
 * void logsIn(XmppServer server) {
 *   TestUser alice = server.newUser("alice");
 *   ...
 * }
 * }</pre>
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EachServerProvider.class)
public @interface EachServer {
  /** The servers to run against, in this order. */
  ServerKind[] value() default {ServerKind.PROSODY, ServerKind.EJABBERD};

  /** Whether message archive management is on. */
  boolean mam() default false;

  /** Whether in-band registration is on. */
  boolean registration() default false;

  /** Whether a MUC service runs at {@code conference.<domain>}. */
  boolean muc() default false;
}
