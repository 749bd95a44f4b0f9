package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Writes Jackson trees in a tagged binary form and reads them back as the same node types (an
 * {@code IntNode} stays an {@code IntNode}, {@code 1.0} stays a double): cheaper than JSON text for
 * the journal, and exact.
 */
final class NodeCodec {
  private static final int NULL = 0;
  private static final int FALSE = 1;
  private static final int TRUE = 2;
  private static final int INT = 3;
  private static final int LONG = 4;
  private static final int DOUBLE = 5;
  private static final int STRING = 6;
  private static final int ARRAY = 7;
  private static final int OBJECT = 8;
  private static final int FLOAT = 9;
  private static final int BIG_INTEGER = 10;
  private static final int DECIMAL = 11;
  private static final int SHORT = 12;
  private static final int MISSING = 13;
  private static final int JSON_TEXT = 14;

  private static final JsonNodeFactory NODES = JsonCodec.NODES;

  private NodeCodec() {}

  static void write(JsonNode node, BinaryWriter out) {
    switch (node.getNodeType()) {
      case NULL -> out.writeByte(NULL);
      case BOOLEAN -> out.writeByte(node.booleanValue() ? TRUE : FALSE);
      case STRING -> {
        out.writeByte(STRING);
        out.writeString(node.textValue());
      }
      case NUMBER -> writeNumber(node, out);
      case ARRAY -> {
        out.writeByte(ARRAY);
        out.writeVarLong(node.size());
        for (JsonNode element : node) {
          write(element, out);
        }
      }
      case OBJECT -> {
        out.writeByte(OBJECT);
        out.writeVarLong(node.size());
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          out.writeString(field.getKey());
          write(field.getValue(), out);
        }
      }
      case MISSING -> out.writeByte(MISSING);
      default -> {
        out.writeByte(JSON_TEXT);
        out.writeString(JsonCodec.write(node));
      }
    }
  }

  private static void writeNumber(JsonNode node, BinaryWriter out) {
    switch (node.numberType()) {
      case INT -> {
        out.writeByte(node.isShort() ? SHORT : INT);
        out.writeSignedVarLong(node.intValue());
      }
      case LONG -> {
        out.writeByte(LONG);
        out.writeSignedVarLong(node.longValue());
      }
      case DOUBLE -> {
        out.writeByte(DOUBLE);
        out.writeFixedLong(Double.doubleToRawLongBits(node.doubleValue()));
      }
      case FLOAT -> {
        out.writeByte(FLOAT);
        out.writeFixedLong(Float.floatToRawIntBits(node.floatValue()));
      }
      case BIG_INTEGER -> {
        out.writeByte(BIG_INTEGER);
        out.writeString(node.bigIntegerValue().toString());
      }
      default -> {
        out.writeByte(DECIMAL);
        out.writeString(node.decimalValue().toString());
      }
    }
  }

  static JsonNode read(BinaryReader in) {
    return read(in.readByte(), in);
  }

  /** Reads a node whose tag was already read, for callers that use tags of their own. */
  static JsonNode read(int tag, BinaryReader in) {
    switch (tag) {
      case NULL:
        return NODES.nullNode();
      case FALSE:
        return NODES.booleanNode(false);
      case TRUE:
        return NODES.booleanNode(true);
      case INT:
        return NODES.numberNode((int) in.readSignedVarLong());
      case SHORT:
        return NODES.numberNode((short) in.readSignedVarLong());
      case LONG:
        return NODES.numberNode(in.readSignedVarLong());
      case DOUBLE:
        return NODES.numberNode(Double.longBitsToDouble(in.readFixedLong()));
      case FLOAT:
        return NODES.numberNode(Float.intBitsToFloat((int) in.readFixedLong()));
      case BIG_INTEGER:
        return BigIntegerNode.valueOf(new BigInteger(in.readString()));
      case DECIMAL:
        return DecimalNode.valueOf(new BigDecimal(in.readString()));
      case STRING:
        return NODES.textNode(in.readString());
      case ARRAY:
        {
          int size = in.readVarInt();
          ArrayNode array = NODES.arrayNode(size);
          for (int i = 0; i < size; i++) {
            array.add(read(in));
          }
          return array;
        }
      case OBJECT:
        {
          int size = in.readVarInt();
          ObjectNode object = NODES.objectNode();
          for (int i = 0; i < size; i++) {
            String name = in.readString();
            object.set(name, read(in));
          }
          return object;
        }
      case MISSING:
        return NODES.missingNode();
      case JSON_TEXT:
        return JsonCodec.parse(in.readString());
      default:
        throw new IllegalStateException("corrupt journal: unknown node tag " + tag);
    }
  }

  /** The first tag number free for callers that mix their own tags with nodes. */
  static final int FIRST_FREE_TAG = 32;
}
