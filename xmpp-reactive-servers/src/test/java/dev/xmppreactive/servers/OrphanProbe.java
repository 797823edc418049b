package dev.xmppreactive.servers;

import java.util.concurrent.TimeUnit;

/**
 * A program that starts a server and then leaves without closing it, run in a child JVM by
 * {@link ServerLifecycleIT}: {@code exit} returns from main (the shutdown hook must stop the server),
 * {@code hang} waits to be killed with SIGKILL (the server must notice its standard input close).
 */
public final class OrphanProbe {
  private OrphanProbe() {
  }

  /** {@code OrphanProbe prosody|ejabberd exit|hang}. */
  public static void main(String[] args) throws InterruptedException {
    ServerKind kind = ServerKind.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
    XmppServer server = kind == ServerKind.PROSODY
        ? ProsodyServer.start(ProsodyOptions.defaults()) : EjabberdServer.start(EjabberdOptions.defaults());
    System.out.println("READY " + server.pid() + " " + server.folder());
    System.out.flush();
    if (args[1].equals("hang")) {
      TimeUnit.MINUTES.sleep(10);
    }
  }
}
