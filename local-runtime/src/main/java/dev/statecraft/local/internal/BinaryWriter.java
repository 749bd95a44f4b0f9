package dev.statecraft.local.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with the few encodings the journal needs: unsigned and zig-zag varints,
 * fixed 8-byte longs and length-prefixed UTF-8 strings. {@link BinaryReader} reads them back.
 */
final class BinaryWriter {
  private byte[] bytes;
  private int size;

  BinaryWriter(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  /** A copy of what was written so far. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** Drops the spare capacity, for a buffer that is kept but no longer written to. */
  void trimToSize() {
    bytes = Arrays.copyOf(bytes, size);
  }

  void reset() {
    size = 0;
  }

  void writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  /** A non-negative long in 1 to 10 bytes, 7 bits per byte. */
  void writeVarLong(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  /** Any long, small magnitudes in few bytes. */
  void writeSignedVarLong(long value) {
    writeVarLong((value << 1) ^ (value >> 63));
  }

  void writeFixedLong(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (value >>> shift);
    }
  }

  void writeString(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    writeVarLong(utf8.length);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, bytes, size, utf8.length);
    size += utf8.length;
  }

  /** A string that may be null. */
  void writeNullableString(String value) {
    if (value == null) {
      writeByte(0);
    } else {
      writeByte(1);
      writeString(value);
    }
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
