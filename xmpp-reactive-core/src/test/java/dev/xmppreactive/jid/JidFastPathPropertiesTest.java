package dev.xmppreactive.jid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link Jid#of(String)} takes a one-pass path for addresses that preparation would leave as they
 * are. Whatever the text, it must give what the general path gives: the general path is what
 * {@link Jid#of(String, String, String)} always takes, given the same parts.
 */
class JidFastPathPropertiesTest {

  /** Pieces near the edges of the fast path: case, separators, forbidden and non-ASCII characters. */
  static final String[] PIECES = {"a", "z", "0", "9", "-", "_", ".", "@", "/", "A", "Z", " ", "\"",
      "&", "'", ":", "<", ">", "\\", "~", "!", "xn--", "XN--", "[", "]", "é", "\u3002", "\t", "\u007F",
      "ß", "K", "romeo", "example", "com"};

  /** Mostly well-formed addresses ([local@]domain[/resource]) with an edge piece here and there. */
  @Provide
  Arbitrary<String> addresses() {
    return Arbitraries.longs().map(seed -> {
      Random r = new Random(seed);
      StringBuilder sb = new StringBuilder();
      if (r.nextInt(4) != 0) {
        sb.append(part(r)).append(r.nextInt(20) == 0 ? "" : "@");
      }
      for (int labels = 1 + r.nextInt(3); labels > 0; labels--) {
        sb.append(part(r)).append(labels > 1 ? "." : "");
      }
      if (r.nextBoolean()) {
        sb.append('/').append(part(r));
      }
      return sb.toString();
    });
  }

  static String part(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = r.nextInt(3); i >= 0; i--) {
      sb.append(r.nextInt(3) == 0 ? PIECES[r.nextInt(PIECES.length)] : PLAIN[r.nextInt(PLAIN.length)]);
    }
    return sb.toString();
  }

  static final String[] PLAIN = {"romeo", "example", "com", "a", "x-y", "q_1", "42"};

  @Property(tries = 5000)
  void theFastPathGivesWhatTheGeneralPathGives(@ForAll("addresses") String address) {
    int slash = address.indexOf('/');
    String beforeResource = slash < 0 ? address : address.substring(0, slash);
    int at = beforeResource.indexOf('@');
    String local = at < 0 ? null : beforeResource.substring(0, at);
    String domain = at < 0 ? beforeResource : beforeResource.substring(at + 1);
    String resource = slash < 0 ? null : address.substring(slash + 1);
    Object general = outcome(() -> Jid.of(local, domain, resource));
    Object fast = outcome(() -> Jid.of(address));
    Statistics.collect(general instanceof Jid ? "valid" : "refused");
    Statistics.coverage(c -> {
      c.check("valid").percentage(p -> p > 25);
      c.check("refused").percentage(p -> p > 15);
    });
    if (general instanceof Jid g) {
      assertThat(fast).isInstanceOf(Jid.class);
      Jid f = (Jid) fast;
      assertThat(f).isEqualTo(g).hasToString(g.toString()).hasSameHashCodeAs(g);
      assertThat(f.localpart()).isEqualTo(g.localpart());
      assertThat(f.domainpart()).isEqualTo(g.domainpart());
      assertThat(f.resourcepart()).isEqualTo(g.resourcepart());
      assertThat(f.bare()).isEqualTo(g.bare()).hasToString(g.bare().toString());
      assertThat(f.bare().localpart()).isEqualTo(g.localpart());
      assertThat(f.bare().domainpart()).isEqualTo(g.domainpart());
      assertThat(f.domainJid()).isEqualTo(g.domainJid());
      assertThat(f.withResource("r")).isEqualTo(g.withResource("r"));
      assertThat(f.withResource("r").resourcepart()).isEqualTo("r");
      assertThat(f.isSameBare(g)).isTrue();
      assertThat(f.isSameBare(g.withResource("other"))).isTrue();
      assertThat(f.isSameBare(Jid.of("someone@else.example"))).isEqualTo(
          g.bare().equals(Jid.of("someone@else.example")));
      assertThat(new boolean[] {f.hasLocalpart(), f.hasResource(), f.isBare(), f.isFull(),
          f.isDomain()}).containsExactly(g.hasLocalpart(), g.hasResource(), g.isBare(), g.isFull(),
          g.isDomain());
      assertThat(f.compareTo(g)).isZero();
    } else {
      assertThat(fast).as(address).isEqualTo(general);
    }
  }

  @Example
  void commonAddressesAreTakenAsTheyAre() {
    for (String a : new String[] {"romeo@montague.example/orchard", "juliet@example.com",
        "example.com", "conference.example.com/room", "a.b-c_d@x.y/Res ource ~!",
        "user@127.0.0.1"}) {
      Jid j = Jid.of(a);
      assertThat(j.toString()).isSameAs(a); // the text itself, already normal
      assertThat(j).isEqualTo(Jid.of(j.localpart(), j.domainpart(), j.resourcepart()));
    }
  }

  @Example
  void theSerialFormIsTheThreeParts() throws Exception {
    assertThat(java.io.ObjectStreamClass.lookup(Jid.class).getFields())
        .extracting(java.io.ObjectStreamField::getName)
        .containsExactly("domainpart", "localpart", "resourcepart");
    for (String a : new String[] {"romeo@montague.example/orchard", "example.com", "Ju@Ex.COM/B"}) {
      Jid j = Jid.of(a);
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(j);
      }
      try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
          new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
        Jid read = (Jid) in.readObject();
        assertThat(read).isEqualTo(j);
        assertThat(read.localpart()).isEqualTo(j.localpart());
        assertThat(read.resourcepart()).isEqualTo(j.resourcepart());
      }
    }
  }

  /** The address, or the class and part of the error. */
  static Object outcome(java.util.function.Supplier<Jid> f) {
    try {
      return f.get();
    } catch (JidFormatException e) {
      return e.getClass().getSimpleName() + ":" + e.part();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }
}
