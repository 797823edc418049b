package dev.xmppreactive.samples;

import dev.xmppreactive.samples.cli.Cli;
import dev.xmppreactive.samples.cli.Terminal;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The samples jar's entry point:
 * {@code java -jar samples/target/xmpp-reactive-samples.jar [COMMAND] [OPTIONS]}; see {@link Cli}.
 */
public final class Main {

  private Main() {
  }

  /**
   * Runs a command on the process's console, environment and shutdown hooks, and exits with its exit
   * code.
   *
   * @param args the command and its options; none runs the demo
   */
  public static void main(String[] args) {
    // java.util.logging (BouncyCastle's JSSE logs through it) to logback, as logback.xml says.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Terminal terminal = Terminal.system();
    int code = Cli.run(terminal, args);
    terminal.out().flush();
    terminal.err().flush();
    System.exit(code);
  }
}
