package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.local.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of what a step of an execution changed: its history events, the new positions of
 * its branches, the branches it dropped and the execution's counters. A durable engine appends one
 * such record per step and execution to the store; an in-memory engine keeps the events of each
 * execution the same way. {@link Replay} reads records back in order.
 *
 * <p>A state's input is usually the previous state's output: an event or position whose JSON text
 * is the one the branch last recorded refers to that event instead of repeating the text.
 */
final class Journal {
  private static final int EVENT = NodeCodec.FIRST_FREE_TAG;
  private static final int POSITION = EVENT + 1;
  private static final int DELETE = EVENT + 2;
  private static final int PROGRESS = EVENT + 3;
  private static final int PAYLOAD_TEXT = EVENT + 4;
  private static final int PAYLOAD_REF = EVENT + 5;

  private static final int HAS_ENTERED_TIME = 1;
  private static final int HAS_RETRIES = 2;
  private static final int HAS_TASK = 4;
  private static final int HAS_FANOUT = 8;
  private static final int HAS_OUTPUT = 16;
  private static final int HAS_FAILURE = 32;
  private static final int HAS_WAKE_AT = 64;
  private static final int HAS_VARIABLES = 128;

  /** Event types and detail names written as small numbers. Append only: the index is stored. */
  private static final List<String> WORDS = words();

  private static final Map<String, Integer> CODES = codes();

  private Journal() {}

  /**
   * Appends {@code event}. Its {@code input} or {@code output} text is written as a reference to
   * event {@code refEvent} when it equals {@code refText}.
   *
   * @return whether the payload was written as text, so later events may refer to this one
   */
  static boolean writeEvent(BinaryWriter out, HistoryEvent event, String refText, long refEvent) {
    out.writeByte(EVENT);
    out.writeVarLong(event.id());
    out.writeVarLong(event.previousEventId());
    writeInstant(out, event.timestamp());
    writeWord(out, event.type());
    ObjectNode details = event.details();
    out.writeVarLong(details.size());
    boolean payloadText = false;
    for (Map.Entry<String, JsonNode> field : details.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      writeWord(out, name);
      if (value.isTextual() && isPayload(name)) {
        String text = value.textValue();
        if (refEvent > 0 && text.equals(refText)) {
          out.writeByte(PAYLOAD_REF);
          out.writeVarLong(refEvent);
        } else {
          out.writeByte(PAYLOAD_TEXT);
          out.writeString(text);
          payloadText = true;
        }
      } else {
        NodeCodec.write(value, out);
      }
    }
    return payloadText;
  }

  /** The payload text of an event that {@link #writeEvent} wrote as text, else null. */
  static String payload(HistoryEvent event) {
    for (Map.Entry<String, JsonNode> field : event.details().properties()) {
      if (field.getValue().isTextual() && isPayload(field.getKey())) {
        return field.getValue().textValue();
      }
    }
    return null;
  }

  private static boolean isPayload(String name) {
    return name.equals("input") || name.equals("output");
  }

  /** Appends the position of {@code b}; its input refers to {@code inputRef} when positive. */
  static void writePosition(BinaryWriter out, Branch b, long inputRef) {
    out.writeByte(POSITION);
    out.writeString(b.id);
    out.writeNullableString(b.parent == null ? null : b.parent.id);
    out.writeVarLong(b.index);
    out.writeString(b.stateName);
    out.writeString(b.phase.name());
    if (inputRef > 0) {
      out.writeByte(PAYLOAD_REF);
      out.writeVarLong(inputRef);
    } else {
      out.writeNullableString(b.inputJson);
    }
    out.writeVarLong(b.enteredEventId);
    out.writeVarLong(b.lastEventId);
    out.writeVarLong(b.retryTotal);
    out.writeVarLong(b.attempt);
    boolean task = b.phase == Branch.Phase.TASK_RUNNING;
    boolean failure = b.phase == Branch.Phase.FAILED && b.failure != null;
    int flags =
        (b.enteredTime != null ? HAS_ENTERED_TIME : 0)
            | (b.retryCounts != null ? HAS_RETRIES : 0)
            | (task ? HAS_TASK : 0)
            | (b.fanout != null ? HAS_FANOUT : 0)
            | (b.phase == Branch.Phase.DONE ? HAS_OUTPUT : 0)
            | (failure ? HAS_FAILURE : 0)
            | (b.wakeAt != null ? HAS_WAKE_AT : 0)
            | (b.variables.hasOwn() ? HAS_VARIABLES : 0);
    out.writeVarLong(flags);
    if (b.enteredTime != null) {
      writeInstant(out, b.enteredTime);
    }
    if (b.retryCounts != null) {
      out.writeVarLong(b.retryCounts.length);
      for (int count : b.retryCounts) {
        out.writeVarLong(count);
      }
    }
    if (task) {
      NodeCodec.write(b.taskArguments == null ? JsonCodec.NODES.nullNode() : b.taskArguments, out);
      out.writeNullableString(b.taskToken);
      writeNullableLong(out, b.taskTimeout == null ? null : b.taskTimeout.toSeconds());
      writeNullableLong(out, b.taskHeartbeat == null ? null : b.taskHeartbeat.toSeconds());
    }
    if (b.fanout != null) {
      out.writeString(b.fanout.prefix);
      out.writeVarLong(b.fanout.children.size());
      out.writeSignedVarLong(b.fanout.maxConcurrency);
      out.writeSignedVarLong(b.fanout.toleratedCount);
      out.writeFixedLong(Double.doubleToRawLongBits(b.fanout.toleratedPercentage));
    }
    if (b.phase == Branch.Phase.DONE) {
      out.writeNullableString(b.outputJson);
    }
    if (failure) {
      out.writeNullableString(b.failure.error());
      out.writeNullableString(b.failure.cause());
    }
    if (b.wakeAt != null) {
      writeInstant(out, b.wakeAt);
    }
    if (b.variables.hasOwn()) {
      NodeCodec.write(b.variables.ownAsJson(), out);
    }
  }

  /** Drops the branches whose id starts with {@code prefix}, or every branch when it is null. */
  static void writeDelete(BinaryWriter out, String prefix) {
    out.writeByte(DELETE);
    out.writeNullableString(prefix);
  }

  static void writeProgress(BinaryWriter out, long transitions, long lastEventId) {
    out.writeByte(PROGRESS);
    out.writeVarLong(transitions);
    out.writeVarLong(lastEventId);
  }

  private static void writeInstant(BinaryWriter out, Instant instant) {
    out.writeSignedVarLong(instant.getEpochSecond());
    out.writeVarLong(instant.getNano());
  }

  private static Instant readInstant(BinaryReader in) {
    long seconds = in.readSignedVarLong();
    return Instant.ofEpochSecond(seconds, in.readVarLong());
  }

  private static void writeNullableLong(BinaryWriter out, Long value) {
    if (value == null) {
      out.writeByte(0);
    } else {
      out.writeByte(1);
      out.writeSignedVarLong(value);
    }
  }

  private static Long readNullableLong(BinaryReader in) {
    return in.readByte() == 0 ? null : in.readSignedVarLong();
  }

  private static void writeWord(BinaryWriter out, String word) {
    Integer code = CODES.get(word);
    if (code != null) {
      out.writeVarLong(code);
    } else {
      out.writeVarLong(0);
      out.writeString(word);
    }
  }

  private static String readWord(BinaryReader in) {
    int code = in.readVarInt();
    return code == 0 ? in.readString() : WORDS.get(code - 1);
  }

  /**
   * Reads records of one execution, oldest first, and keeps what they add up to: the events (when
   * asked for), the branches still in place and the latest counters.
   */
  static final class Replay {
    private final boolean keepEvents;
    private final Map<Long, String> payloads = new HashMap<>();
    private final List<HistoryEvent> events = new ArrayList<>();
    private final Map<String, BranchSnapshot> positions = new LinkedHashMap<>();
    private long transitions;
    private long lastEventId;

    Replay(boolean keepEvents) {
      this.keepEvents = keepEvents;
    }

    /** Applies one record. */
    void read(byte[] record) {
      BinaryReader in = new BinaryReader(record);
      while (in.hasMore()) {
        int tag = in.readByte();
        if (tag == EVENT) {
          readEvent(in);
        } else if (tag == POSITION) {
          BranchSnapshot position = readPosition(in);
          positions.put(position.id(), position);
        } else if (tag == DELETE) {
          String prefix = in.readNullableString();
          if (prefix == null) {
            positions.clear();
          } else {
            positions.keySet().removeIf(id -> id.startsWith(prefix));
          }
        } else if (tag == PROGRESS) {
          transitions = Math.max(transitions, in.readVarLong());
          lastEventId = Math.max(lastEventId, in.readVarLong());
        } else {
          throw new IllegalStateException("corrupt journal: unknown record tag " + tag);
        }
      }
    }

    List<HistoryEvent> events() {
      return events;
    }

    /** The branches in place, parents before their children. */
    List<BranchSnapshot> positions() {
      List<BranchSnapshot> list = new ArrayList<>(positions.values());
      list.sort(
          (a, b) ->
              a.id().length() != b.id().length()
                  ? Integer.compare(a.id().length(), b.id().length())
                  : a.id().compareTo(b.id()));
      return list;
    }

    long transitions() {
      return transitions;
    }

    long lastEventId() {
      return lastEventId;
    }

    private void readEvent(BinaryReader in) {
      long id = in.readVarLong();
      long previous = in.readVarLong();
      Instant timestamp = readInstant(in);
      String type = readWord(in);
      int size = in.readVarInt();
      ObjectNode details = keepEvents ? JsonCodec.object() : null;
      for (int i = 0; i < size; i++) {
        String name = readWord(in);
        int tag = in.readByte();
        JsonNode value;
        if (tag == PAYLOAD_TEXT) {
          String text = in.readString();
          payloads.put(id, text);
          value = keepEvents ? JsonCodec.NODES.textNode(text) : null;
        } else if (tag == PAYLOAD_REF) {
          String text = resolve(in.readVarLong());
          payloads.put(id, text);
          value = keepEvents ? JsonCodec.NODES.textNode(text) : null;
        } else {
          value = NodeCodec.read(tag, in);
        }
        if (keepEvents) {
          details.set(name, value);
        }
      }
      lastEventId = Math.max(lastEventId, id);
      if (keepEvents) {
        events.add(new HistoryEvent(id, previous, timestamp, type, details));
      }
    }

    private String resolve(long eventId) {
      String text = payloads.get(eventId);
      if (text == null) {
        throw new IllegalStateException("corrupt journal: no payload for event " + eventId);
      }
      return text;
    }

    private BranchSnapshot readPosition(BinaryReader in) {
      String id = in.readString();
      String parent = in.readNullableString();
      int index = in.readVarInt();
      String state = in.readString();
      Branch.Phase phase = Branch.Phase.valueOf(in.readString());
      String input;
      int inputTag = in.readByte();
      if (inputTag == PAYLOAD_REF) {
        input = resolve(in.readVarLong());
      } else {
        input = inputTag == 0 ? null : in.readString();
      }
      long entered = in.readVarLong();
      long last = in.readVarLong();
      int retryTotal = in.readVarInt();
      int attempt = in.readVarInt();
      int flags = in.readVarInt();
      Instant enteredTime = (flags & HAS_ENTERED_TIME) != 0 ? readInstant(in) : null;
      int[] retries = null;
      if ((flags & HAS_RETRIES) != 0) {
        retries = new int[in.readVarInt()];
        for (int i = 0; i < retries.length; i++) {
          retries[i] = in.readVarInt();
        }
      }
      JsonNode arguments = null;
      String token = null;
      Long timeout = null;
      Long heartbeat = null;
      if ((flags & HAS_TASK) != 0) {
        arguments = NodeCodec.read(in);
        token = in.readNullableString();
        timeout = readNullableLong(in);
        heartbeat = readNullableLong(in);
      }
      BranchSnapshot.Fanout fanout = null;
      if ((flags & HAS_FANOUT) != 0) {
        fanout =
            new BranchSnapshot.Fanout(
                in.readString(),
                in.readVarInt(),
                (int) in.readSignedVarLong(),
                (int) in.readSignedVarLong(),
                Double.longBitsToDouble(in.readFixedLong()));
      }
      String output = (flags & HAS_OUTPUT) != 0 ? in.readNullableString() : null;
      String error = null;
      String cause = null;
      if ((flags & HAS_FAILURE) != 0) {
        error = in.readNullableString();
        cause = in.readNullableString();
      }
      Instant wakeAt = (flags & HAS_WAKE_AT) != 0 ? readInstant(in) : null;
      JsonNode variables = (flags & HAS_VARIABLES) != 0 ? NodeCodec.read(in) : null;
      return new BranchSnapshot(
          id,
          parent,
          index,
          state,
          phase,
          input,
          variables,
          entered,
          last,
          enteredTime,
          retries,
          retryTotal,
          attempt,
          arguments,
          token,
          timeout,
          heartbeat,
          fanout,
          output,
          error,
          cause,
          wakeAt);
    }
  }

  private static List<String> words() {
    List<String> words = new ArrayList<>();
    for (String state :
        List.of("Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map")) {
      words.add(state + "StateEntered");
      words.add(state + "StateExited");
    }
    for (String outcome : List.of("Started", "Succeeded", "Failed", "Aborted", "TimedOut")) {
      words.add("Execution" + outcome);
    }
    for (String outcome : List.of("Started", "Succeeded", "Failed", "Aborted")) {
      words.add("MapIteration" + outcome);
    }
    words.addAll(
        List.of(
            "MapStateStarted",
            "MapStateSucceeded",
            "MapStateFailed",
            "ParallelStateStarted",
            "ParallelStateSucceeded",
            "ParallelStateFailed",
            "TaskScheduled",
            "TaskStarted",
            "TaskSucceeded",
            "TaskFailed",
            "TaskTimedOut",
            "name",
            "input",
            "output",
            "inputDetails",
            "outputDetails",
            "truncated",
            "index",
            "length",
            "error",
            "cause",
            "resourceType",
            "resource",
            "region",
            "parameters",
            "timeoutInSeconds",
            "heartbeatInSeconds",
            "assignedVariables",
            "assignedVariablesDetails",
            "roleArn",
            "stateMachineArn"));
    return List.copyOf(words);
  }

  private static Map<String, Integer> codes() {
    Map<String, Integer> codes = new HashMap<>();
    for (int i = 0; i < WORDS.size(); i++) {
      codes.put(WORDS.get(i), i + 1);
    }
    return codes;
  }
}
