package dev.statecraft.local.internal;

import java.nio.charset.StandardCharsets;

/** Reads what {@link BinaryWriter} wrote, in the same order. */
final class BinaryReader {
  private final byte[] bytes;
  private int position;

  BinaryReader(byte[] bytes) {
    this.bytes = bytes;
  }

  boolean hasMore() {
    return position < bytes.length;
  }

  int readByte() {
    return bytes[position++] & 0xFF;
  }

  long readVarLong() {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = bytes[position++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }

  int readVarInt() {
    return Math.toIntExact(readVarLong());
  }

  long readSignedVarLong() {
    long raw = readVarLong();
    return (raw >>> 1) ^ -(raw & 1);
  }

  long readFixedLong() {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (bytes[position++] & 0xFF);
    }
    return value;
  }

  String readString() {
    int length = readVarInt();
    String value = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return value;
  }

  String readNullableString() {
    return readByte() == 0 ? null : readString();
  }
}
