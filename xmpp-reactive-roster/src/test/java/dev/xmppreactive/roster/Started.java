package dev.xmppreactive.roster;

import static dev.xmppreactive.roster.Server.T;

import reactor.test.StepVerifier;

/** Starts a roster over a fake session, answering its first get with a result of these items. */
final class Started {

  private Started() {
  }

  static Roster roster(FakeSession s, RosterSettings settings, String ver, RosterItem... items) {
    Roster[] r = new Roster[1];
    StepVerifier.create(RosterRuntime.start(s, settings))
        .then(() -> s.receive(Server.result(Server.rosterGet(s, 0), ver, items)))
        .assertNext(x -> r[0] = x)
        .expectComplete()
        .verify(T);
    return r[0];
  }
}
