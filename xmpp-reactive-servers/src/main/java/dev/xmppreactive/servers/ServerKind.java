package dev.xmppreactive.servers;

/** The XMPP server implementations the harness can start. */
public enum ServerKind {
  /** Prosody 0.12 (Debian package {@code prosody}). */
  PROSODY("prosody"),
  /** ejabberd 23.01 (Debian package {@code ejabberd}). */
  EJABBERD("ejabberd");

  private final String id;

  ServerKind(String id) {
    this.id = id;
  }

  /** The lower-case name of the server: {@code "prosody"} or {@code "ejabberd"}. */
  public String id() {
    return id;
  }
}
