package dev.xmppreactive.roster;

import dev.xmppreactive.codec.XmlLimits;
import dev.xmppreactive.codec.XmlParser;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.xml.XmlElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@link RosterStore#file(Path)}: the roster as XML, the items as a roster result has them (RFC 6121
 * §2.1.4) inside an element that names the account and the version:
 * {@code <roster xmlns='urn:xmpp-reactive:roster-store:1' account='...' ver='...'><item
 * xmlns='jabber:iq:roster' .../>...</roster>}. Reads and writes run on
 * {@code Schedulers.boundedElastic()}.
 */
final class FileRosterStore implements RosterStore {

  static final String NS = "urn:xmpp-reactive:roster-store:1";
  /** The largest file read: a roster of about 400,000 contacts. */
  static final int MAX_BYTES = 64 << 20;

  private static final Logger log = LoggerFactory.getLogger(FileRosterStore.class);

  private final Path file;

  FileRosterStore(Path file) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
  }

  @Override
  public Mono<RosterSnapshot> load(Jid account) {
    return Mono.fromCallable(() -> read(account.bare())).subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public Mono<Void> save(Jid account, RosterSnapshot roster) {
    return Mono.<Void>fromRunnable(() -> write(account.bare(), roster))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private RosterSnapshot read(Jid account) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        log.warn("the roster file {} is larger than {} bytes: ignored", file, MAX_BYTES);
        return null;
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      log.warn("cannot read the roster file {}: {}", file, e.toString());
      return null;
    }
    try {
      XmlElement root = XmlParser.parse(bytes, 0, bytes.length,
          XmlLimits.DEFAULTS.withMaxElementBytes(MAX_BYTES));
      if (!root.is("roster", NS)) {
        log.warn("the roster file {} does not hold a roster: ignored", file);
        return null;
      }
      if (!account.toString().equals(root.attribute("account"))) {
        log.info("the roster file {} is of {}, not {}: ignored", file, root.attribute("account"),
            account);
        return null;
      }
      RosterSnapshot items = RosterCodec.parseQuery(
          XmlElement.builder("query", RosterCodec.NS).children(root.elements("item", RosterCodec.NS))
              .build());
      return new RosterSnapshot(root.attribute("ver"), items.items());
    } catch (RuntimeException e) {
      log.warn("the roster file {} cannot be read as a roster: ignored ({})", file, e.toString());
      return null;
    }
  }

  private void write(Jid account, RosterSnapshot roster) {
    XmlElement.Builder root = XmlElement.builder("roster", NS).attribute("account", account.toString());
    if (roster.version() != null) {
      root.attribute("ver", roster.version());
    }
    for (RosterItem i : roster.items().values()) {
      root.child(RosterCodec.storedItem(i));
    }
    byte[] bytes = root.build().toXml().getBytes(StandardCharsets.UTF_8);
    try {
      Path dir = file.getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try {
        Files.write(tmp, bytes);
        try {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the roster file " + file, e);
    }
  }

  @Override
  public String toString() {
    return "RosterStore.file(" + file + ")";
  }
}
