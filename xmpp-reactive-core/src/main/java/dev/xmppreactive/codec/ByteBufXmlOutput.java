package dev.xmppreactive.codec;

import dev.xmppreactive.xml.XmlOutput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Objects;

/**
 * An {@link XmlOutput} that writes UTF-8 straight into a Netty {@link ByteBuf}, growing it as needed,
 * with no intermediate {@code String}. A surrogate pair must come in one
 * {@link #append(CharSequence, int, int)}; a surrogate on its own is written as {@code ?}, as
 * {@link ByteBufUtil#writeUtf8} does (the element model never holds one). Not thread-safe.
 */
public final class ByteBufXmlOutput implements XmlOutput {

  private final ByteBuf buf;

  /** An output that appends to {@code buf} at its writer index. */
  public ByteBufXmlOutput(ByteBuf buf) {
    this.buf = Objects.requireNonNull(buf, "buf");
  }

  /** The buffer written to. */
  public ByteBuf buffer() {
    return buf;
  }

  @Override
  public void append(CharSequence s, int start, int end) {
    ByteBufUtil.writeUtf8(buf, s, start, end);
  }

  @Override
  public void append(char c) {
    if (c < 0x80) {
      buf.writeByte(c);
    } else if (c < 0x800) {
      buf.writeByte(0xC0 | (c >> 6));
      buf.writeByte(0x80 | (c & 0x3F));
    } else if (Character.isSurrogate(c)) {
      buf.writeByte('?');
    } else {
      buf.writeByte(0xE0 | (c >> 12));
      buf.writeByte(0x80 | ((c >> 6) & 0x3F));
      buf.writeByte(0x80 | (c & 0x3F));
    }
  }

  @Override
  public void append(CharSequence s) {
    ByteBufUtil.writeUtf8(buf, s);
  }
}
