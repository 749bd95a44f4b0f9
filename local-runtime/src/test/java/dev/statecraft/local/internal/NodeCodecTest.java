package dev.statecraft.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeCodecTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void everyNodeTypeComesBackAsTheSameTypeAndValue() {
    ObjectNode node = NODES.objectNode();
    node.put("int", -7);
    node.put("long", 1L << 40);
    node.put("short", (short) 12);
    node.put("double", 1.0);
    node.put("float", 2.5f);
    node.set(
        "bigInteger", BigIntegerNode.valueOf(new BigInteger("123456789012345678901234567890")));
    node.set("decimal", DecimalNode.valueOf(new BigDecimal("1.50")));
    node.put("text", "caf\u00e9 \uD83D\uDE00 \"quoted\" \n");
    node.put("empty", "");
    node.put("true", true);
    node.put("false", false);
    node.putNull("null");
    ArrayNode array = node.putArray("array");
    array.add(1).add("two").addObject().put("three", 3);
    array.addArray();
    node.putObject("nested").putObject("deeper").put("x", Long.MIN_VALUE);

    JsonNode back = roundTrip(node);

    assertEquals(node, back);
    assertEquals(node.toString(), back.toString(), "field order");
    assertEquals(classes(node), classes(back));
  }

  @Test
  void scalarsAtTheTopLevelRoundTrip() {
    for (JsonNode node :
        List.of(
            NODES.nullNode(),
            NODES.missingNode(),
            NODES.numberNode(Integer.MIN_VALUE),
            NODES.numberNode(Double.NaN),
            NODES.textNode("x"))) {
      JsonNode back = roundTrip(node);
      assertEquals(node.getClass(), back.getClass());
      assertEquals(node.toString(), back.toString());
    }
  }

  private static JsonNode roundTrip(JsonNode node) {
    BinaryWriter out = new BinaryWriter(16);
    NodeCodec.write(node, out);
    BinaryReader in = new BinaryReader(out.toByteArray());
    JsonNode back = NodeCodec.read(in);
    assertEquals(false, in.hasMore(), "bytes left over");
    return back;
  }

  private static List<String> classes(JsonNode node) {
    List<String> classes = new ArrayList<>();
    classes.add(node.getClass().getSimpleName());
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
      classes.addAll(classes(children.next()));
    }
    return classes;
  }
}
