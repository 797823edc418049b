package dev.xmppreactive.servers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java side of ejabberd's control node: a hidden Erlang node, started once per server, that
 * calls {@code ejabberd_auth:try_register/3} and friends on the ejabberd node over Erlang
 * distribution (through {@code -erl_epmd_port}, without epmd). It reads one command a line from its
 * standard input and answers {@code XR-RESULT <term>}; see {@code ejabberd-control.erl}.
 *
 * <p>Booting a VM per command ({@code ejabberdctl}) costs about 0.3 s; this node answers in about a
 * millisecond. When this JVM dies its standard input closes and it stops the ejabberd node.
 */
final class EjabberdControl {
  private static final Logger LOG = LoggerFactory.getLogger(EjabberdControl.class);
  private static final String READY = "XR-READY ";
  private static final String RESULT = "XR-RESULT ";
  private static final String END = "XR-END";

  private final ServerProcess process;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
  private final OutputStream commands;

  private EjabberdControl(ServerProcess process) {
    this.process = process;
    this.commands = process.stdin();
  }

  /**
   * Starts the control node and waits until it is connected to the ejabberd node.
   *
   * @param name        the control node's name
   * @param environment the ejabberd node's environment (HOME with the cookie, ERL_LIBS)
   */
  static EjabberdControl start(Path erl, String name, String serverNode, String domain, int distributionPort,
                               Map<String, String> environment, Path folder, Cleanup cleanup, Duration timeout) {
    String script = script();
    Map<String, String> env = new HashMap<>(environment);
    env.put("XR_EJABBERD_NODE", serverNode);
    env.put("XR_EJABBERD_HOST", domain);
    Path output = folder.resolve("control.out");
    ServerProcess process = ServerProcess.start("ejabberd control node", List.of(erl.toString(),
        "-sname", name, "-hidden", "-noshell", "-connect_all", "false",
        "-erl_epmd_port", Integer.toString(distributionPort), "-start_epmd", "false", "-dist_listen", "false",
        "-eval", script), env, folder, output, true);
    cleanup.add(process);
    EjabberdControl control = new EjabberdControl(process);
    Thread reader = new Thread(() -> control.read(process.stdout()), "xmpp-reactive-ejabberd-control-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    String first = control.next(timeout);
    if (first == null || !first.startsWith(READY)) {
      throw new ServerStartException("ejabberd's control node did not connect to " + serverNode + " within "
          + timeout + " (it said: " + first + ")" + LogTail.tail(20, output, folder.resolve("ejabberd.log")));
    }
    return control;
  }

  private static String script() {
    try (InputStream in = EjabberdControl.class.getResourceAsStream("ejabberd-control.erl")) {
      if (in == null) {
        throw new IOException("resource ejabberd-control.erl is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void read(InputStream stdout) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("XR-")) {
          answers.add(line);
        } else if (!line.isBlank()) {
          LOG.debug("ejabberd control node: {}", line);
        }
      }
    } catch (IOException e) {
      LOG.debug("ejabberd control node output: {}", e.toString());
    } finally {
      answers.add(END);
    }
  }

  private String next(Duration timeout) {
    try {
      return answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerCommandException("interrupted while waiting for ejabberd's control node", e);
    }
  }

  /**
   * Sends a command and returns the Erlang term it answered, as text ({@code ok}, {@code {error,exists}}, ...).
   *
   * @param arguments hex-encoded on the wire, so any text passes
   */
  synchronized String call(Duration timeout, String command, List<String> arguments, List<String> plain) {
    StringBuilder line = new StringBuilder(command);
    for (String argument : arguments) {
      line.append(" x").append(HexFormat.of().formatHex(argument.getBytes(StandardCharsets.UTF_8)));
    }
    for (String argument : plain) {
      line.append(' ').append(argument);
    }
    line.append('\n');
    try {
      commands.write(line.toString().getBytes(StandardCharsets.UTF_8));
      commands.flush();
    } catch (IOException e) {
      throw new ServerCommandException("ejabberd's control node is gone (" + process + ")", e);
    }
    String answer = next(timeout);
    if (answer == null) {
      throw new ServerCommandException("ejabberd's control node did not answer '" + command + "' within " + timeout);
    }
    if (answer.equals(END)) {
      answers.add(END);
      throw new ServerCommandException("ejabberd's control node exited (" + process + ")");
    }
    if (!answer.startsWith(RESULT)) {
      throw new ServerCommandException("unexpected answer from ejabberd's control node: " + answer);
    }
    return answer.substring(RESULT.length());
  }

  /** {@link #call(Duration, String, List, List)} without plain arguments. */
  String call(Duration timeout, String command, String... arguments) {
    return call(timeout, command, List.of(arguments), List.of());
  }
}
