package dev.xmppreactive.servers;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Servers shared by all tests of a JVM: one running instance per server kind and options, started
 * when a test first asks for it and stopped when the test run ends (JUnit closes the root context's
 * store; a JVM shutdown hook is the fallback). Starting a server costs seconds; sharing it costs
 * only care: tests stay apart by creating their own users ({@link XmppServer#newUser(String)}).
 *
 * <p>If a server is not installed, the asking test is skipped through a JUnit assumption, unless
 * {@code CI=true}, where it fails ({@link Installation#requireOrSkip(Optional)}). If a server fails to
 * start, every test asking for it fails with the same cause, without starting it again.
 *
 * <p>Get one from a test parameter (with {@link RealServersExtension}) or {@link #of(ExtensionContext)}.
 * Thread-safe: the instances live in the JUnit store of the root context, which starts each one once.
 */
public final class SharedServers {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServers.class);

  private final ExtensionContext.Store store;

  private SharedServers(ExtensionContext.Store store) {
    this.store = store;
  }

  /** The shared servers of the test run {@code context} belongs to. */
  public static SharedServers of(ExtensionContext context) {
    return new SharedServers(context.getRoot().getStore(NAMESPACE));
  }

  /** The shared Prosody with {@link ProsodyOptions#defaults()}. */
  public ProsodyServer prosody() {
    return prosody(ProsodyOptions.defaults());
  }

  /** The shared Prosody with these options, started now if it is not running yet. */
  public ProsodyServer prosody(ProsodyOptions options) {
    Objects.requireNonNull(options, "options");
    return shared(options, Installation.missing(options), () -> ProsodyServer.start(options), ProsodyServer.class);
  }

  /** The shared ejabberd with {@link EjabberdOptions#defaults()}. */
  public EjabberdServer ejabberd() {
    return ejabberd(EjabberdOptions.defaults());
  }

  /** The shared ejabberd with these options, started now if it is not running yet. */
  public EjabberdServer ejabberd(EjabberdOptions options) {
    Objects.requireNonNull(options, "options");
    return shared(options, Installation.missing(options), () -> EjabberdServer.start(options), EjabberdServer.class);
  }

  /** The shared server of that kind with its default options. */
  public XmppServer get(ServerKind kind) {
    return Objects.requireNonNull(kind, "kind") == ServerKind.PROSODY ? prosody() : ejabberd();
  }

  private <S extends XmppServer> S shared(Object options, Optional<String> missing, Supplier<S> start, Class<S> type) {
    Installation.requireOrSkip(missing);
    Entry entry = store.computeIfAbsent(options, key -> Entry.start(start), Entry.class);
    return type.cast(entry.server(options));
  }

  /** A shared server, or why it did not start. Closed by JUnit with the root context's store. */
  private static final class Entry implements AutoCloseable {
    private final XmppServer server;
    private final RuntimeException failure;

    private Entry(XmppServer server, RuntimeException failure) {
      this.server = server;
      this.failure = failure;
    }

    static Entry start(Supplier<? extends XmppServer> start) {
      try {
        return new Entry(start.get(), null);
      } catch (RuntimeException e) {
        return new Entry(null, e);
      }
    }

    XmppServer server(Object options) {
      if (failure != null) {
        throw new ServerStartException("the shared server " + options + " failed to start: " + failure.getMessage(),
            failure);
      }
      return server;
    }

    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }
  }
}
