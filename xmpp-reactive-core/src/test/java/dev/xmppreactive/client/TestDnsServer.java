package dev.xmppreactive.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;

/** A DNS server on a loopback UDP port that answers SRV queries from a table: real DNS on the wire. */
final class TestDnsServer implements AutoCloseable {

  private final DatagramSocket socket;
  private final Map<String, List<SrvRecord>> table = new ConcurrentHashMap<>();
  private final Thread thread;

  TestDnsServer() throws SocketException {
    socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "test-dns");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  void put(String name, SrvRecord... records) {
    table.put(name.endsWith(".") ? name : name + ".", List.of(records));
  }

  private void serve() {
    byte[] buf = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        Message q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
        Record question = q.getQuestion();
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.AA);
        r.addRecord(question, Section.QUESTION);
        List<SrvRecord> answers = table.get(question.getName().toString());
        if (answers == null) {
          r.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
          for (SrvRecord s : answers) {
            Name target = s.isNotOffered() ? Name.root : Name.fromString(s.target() + ".");
            r.addRecord(new SRVRecord(question.getName(), DClass.IN, 60, s.priority(), s.weight(),
                s.port(), target), Section.ANSWER);
          }
        }
        byte[] out = r.toWire();
        socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
