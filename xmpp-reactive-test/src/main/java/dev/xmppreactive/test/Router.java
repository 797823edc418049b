package dev.xmppreactive.test;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a stanza from a client goes, RFC 6120 §10 and RFC 6121 §8.5. Runs under the server's lock.
 *
 * <p>Messages to a bare JID go to the available resources of the highest non-negative priority
 * (RFC 6121 §8.5.2.1.1, the "most available"; headlines to all non-negative ones); with none, chat
 * and normal messages are held offline and others dropped or refused as §8.5.2.2.1 says. A chat
 * message to a full JID that is not bound is treated as sent to the bare JID (§8.5.3.2.1); other
 * messages to it are refused with {@code service-unavailable}. IQs to a bare JID are answered by the
 * server on the account's behalf (§8.5.2.1.3); to a bound full JID they are delivered.
 */
final class Router {

  private final ServerCore core;
  private final Presences presences;
  private final ServerIq serverIq;

  Router(ServerCore core, Presences presences, ServerIq serverIq) {
    this.core = core;
    this.presences = presences;
    this.serverIq = serverIq;
  }

  void route(ServerSession from, Stanza s) {
    if (s instanceof Presence p) {
      presences.outbound(from, p);
      return;
    }
    Jid to = s.to();
    if (to == null) {
      if (s instanceof Iq iq) {
        serverIq.handle(from, iq); // RFC 6120 §10.3.3: the account's server answers
      } else {
        // RFC 6120 §10.3.1: a message without 'to' is for the sender's bare JID.
        localUser((Message) s, from.jid().bare(), from);
      }
      return;
    }
    if (!to.domainpart().equals(core.domain().domainpart())) {
      bounce(s, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND); // RFC 6120 §10.4.3: no s2s here
      return;
    }
    if (to.localpart() == null) {
      if (s instanceof Iq iq && to.resourcepart() == null) {
        serverIq.handle(from, iq); // RFC 6120 §10.4: the server itself
      } else if (!(s instanceof Message m && m.type() == Message.Type.HEADLINE)) {
        bounce(s, StanzaErrorCondition.SERVICE_UNAVAILABLE);
      }
      return;
    }
    if (!core.accounts().exists(to.localpart())) {
      bounce(s, StanzaErrorCondition.SERVICE_UNAVAILABLE); // RFC 6121 §8.5.1
      return;
    }
    if (s instanceof Iq iq) {
      iq(from, iq, to);
    } else {
      localUser((Message) s, to, from);
    }
  }

  private void iq(ServerSession from, Iq iq, Jid to) {
    if (to.isBare()) {
      serverIq.handleForAccount(from, iq); // RFC 6121 §8.5.2.1.3
      return;
    }
    ServerSession target = core.session(to);
    if (target == null || !target.deliver(iq)) {
      bounce(iq, StanzaErrorCondition.SERVICE_UNAVAILABLE); // RFC 6121 §8.5.3.2.3
    }
  }

  /** A message to a local account (RFC 6121 §8.5.2, §8.5.3). */
  private void localUser(Message m, Jid to, ServerSession from) {
    if (to.isFull()) {
      ServerSession target = core.session(to);
      if (target != null && target.deliver(m)) {
        return;
      }
      switch (m.type()) {
        case CHAT -> toBare(m, to.localpart());
        case ERROR -> { } // silently ignored
        default -> bounce(m, StanzaErrorCondition.SERVICE_UNAVAILABLE);
      }
      return;
    }
    toBare(m, to.localpart());
  }

  private void toBare(Message m, String user) {
    Message.Type type = m.type();
    if (type == Message.Type.ERROR) {
      return;
    }
    if (type == Message.Type.GROUPCHAT) {
      bounce(m, StanzaErrorCondition.SERVICE_UNAVAILABLE);
      return;
    }
    boolean delivered = false;
    for (ServerSession s : recipients(user, type == Message.Type.HEADLINE)) {
      delivered |= s.deliver(m);
    }
    if (delivered || type == Message.Type.HEADLINE) {
      return;
    }
    if (!core.storeOffline(user, m)) {
      bounce(m, StanzaErrorCondition.SERVICE_UNAVAILABLE);
    }
  }

  /** The available resources with a non-negative priority: all of them, or the highest only. */
  private List<ServerSession> recipients(String user, boolean all) {
    List<ServerSession> out = new ArrayList<>();
    int best = -1;
    for (ServerSession s : core.available(user)) {
      int priority = s.lastPresence == null ? 0 : s.lastPresence.priority();
      if (priority < 0) {
        continue;
      }
      if (!all && priority > best) {
        out.clear();
        best = priority;
      }
      if (all || priority == best) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * A stanza a session took but never acknowledged before it ended (XEP-0198 §4): handled as if
   * sent to an unavailable resource. Messages go to the bare JID again (another resource, or
   * offline); IQ requests get {@code service-unavailable}; presences are dropped.
   */
  void undelivered(Stanza s) {
    if (s instanceof Message m && m.to() != null && m.to().localpart() != null
        && core.accounts().exists(m.to().localpart())) {
      Message.Type t = m.type();
      if (t == Message.Type.CHAT || t == Message.Type.NORMAL) {
        toBare(m, m.to().localpart());
      }
    } else if (s instanceof Iq iq && iq.isRequest()) {
      bounce(iq, StanzaErrorCondition.SERVICE_UNAVAILABLE);
    }
  }

  /** Sends the sender an error reply, if the stanza may be answered (RFC 6120 §8.3). */
  void bounce(Stanza s, StanzaErrorCondition condition) {
    Stanza reply = ServerCore.errorFor(s, condition);
    if (reply != null && reply.to() != null) {
      ServerSession sender = core.session(reply.to());
      if (sender != null) {
        sender.deliver(reply);
      }
    }
  }
}
