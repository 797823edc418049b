package dev.xmppreactive.servers;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads log files: whole (for readiness checks) or their last lines (for error messages). */
final class LogTail {
  private static final int TAIL_BYTES = 16 * 1024;

  private LogTail() {
  }

  /** The file's content, or {@code ""} if it does not exist (yet). Bytes that are not UTF-8 are replaced. */
  static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The last {@code lines} lines of each file, headed by its name, for an error message. */
  static String tail(int lines, Path... files) {
    StringBuilder out = new StringBuilder();
    for (Path file : files) {
      out.append("\n----- last ").append(lines).append(" lines of ").append(file).append(" -----\n");
      out.append(lastLines(file, lines));
    }
    return out.toString();
  }

  private static String lastLines(Path file, int lines) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      int size = (int) Math.min(length, TAIL_BYTES);
      byte[] bytes = new byte[size];
      in.seek(length - size);
      in.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      String[] all = text.split("\n", -1);
      int from = Math.max(0, all.length - lines - 1);
      return String.join("\n", Arrays.copyOfRange(all, from, all.length));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")\n";
    }
  }
}
