package dev.xmppreactive.sasl;

import java.util.Arrays;
import java.util.Objects;

/**
 * The channel-binding part of SCRAM's GS2 header (RFC 5802 §6, §7 {@code gs2-cbind-flag}) and the data
 * bound with it.
 */
public final class Gs2ChannelBinding {

  /** The GS2 channel-binding flag. */
  public enum Flag {
    /** "n": the client does not support channel binding (or cannot use any type on this channel). */
    N,
    /** "y": the client supports channel binding but thinks the server does not. */
    Y,
    /** "p=type": the client binds to the channel with the named type. */
    P
  }

  private static final Gs2ChannelBinding NOT_SUPPORTED = new Gs2ChannelBinding(Flag.N, null, null);
  private static final Gs2ChannelBinding NOT_OFFERED = new Gs2ChannelBinding(Flag.Y, null, null);

  private final Flag flag;
  private final String type;
  private final byte[] data;

  private Gs2ChannelBinding(Flag flag, String type, byte[] data) {
    this.flag = flag;
    this.type = type;
    this.data = data;
  }

  /** Flag "n": no channel binding from this client. */
  public static Gs2ChannelBinding notSupported() {
    return NOT_SUPPORTED;
  }

  /** Flag "y": the client could bind, but the server offered no -PLUS mechanism. */
  public static Gs2ChannelBinding notOfferedByServer() {
    return NOT_OFFERED;
  }

  /**
   * Flag "p": binds with the type and data.
   *
   * @param type the type name, RFC 5802 §7 {@code cb-name} (letters, digits, "." and "-")
   * @param data the channel-binding data (copied)
   * @throws IllegalArgumentException if the type is not a cb-name or the data is empty
   */
  public static Gs2ChannelBinding bound(String type, byte[] data) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    if (type.isEmpty() || !type.chars().allMatch(c -> c < 0x80
        && (Character.isLetterOrDigit(c) || c == '.' || c == '-'))) {
      throw new IllegalArgumentException("not a channel-binding type name: '" + type + "'");
    }
    if (data.length == 0) {
      throw new IllegalArgumentException("channel-binding data must not be empty (RFC 5802 §7)");
    }
    return new Gs2ChannelBinding(Flag.P, type, data.clone());
  }

  /** The flag. */
  public Flag flag() {
    return flag;
  }

  /** The type for flag "p", or {@code null}. */
  public String type() {
    return type;
  }

  /** A copy of the data for flag "p", or an empty array. */
  public byte[] data() {
    return data == null ? new byte[0] : data.clone();
  }

  /** The {@code gs2-cbind-flag} text: "n", "y" or "p=type". */
  String flagText() {
    return switch (flag) {
      case N -> "n";
      case Y -> "y";
      case P -> "p=" + type;
    };
  }

  /** cbind-input = gs2-header [cbind-data], RFC 5802 §7; cbind-data only for "p". */
  byte[] cbindInput(byte[] gs2Header) {
    if (data == null) {
      return gs2Header.clone();
    }
    byte[] out = Arrays.copyOf(gs2Header, gs2Header.length + data.length);
    System.arraycopy(data, 0, out, gs2Header.length, data.length);
    return out;
  }

  @Override
  public String toString() {
    return flagText();
  }
}
