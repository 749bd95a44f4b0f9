package dev.statecraft.local;

import static dev.statecraft.local.CrashScenarios.JSON;

import dev.statecraft.local.CrashScenarios.Request;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine process {@link CrashTest} kills: opens the durable engine of one lane, registers the
 * activities of {@link CrashScenarios} (each logs its invocation first), resumes what was
 * unfinished, starts every execution of the request file (again: starting is idempotent by name),
 * and answers callback tokens, those of earlier processes included. Runs until killed or, given
 * {@code final}, until every requested execution has finished.
 *
 * <p>Arguments: the lane directory, this process's epoch (0, 1, ...), and optionally {@code final}
 * or {@code TYPE:COUNT}, the committed event after which the process kills itself. Every line of
 * {@code activity.log} is {@code KIND TAB EPOCH TAB ...}; see {@link Log}.
 */
public final class CrashTestEngineMain {
  private static final long NOT_FINAL_LIMIT_MILLIS = 60_000;
  private static final long FINAL_LIMIT_MILLIS = 60_000;

  private final Path dir;
  private final int epoch;
  private final Log log;
  private final Callbacks callbacks;
  private final LocalEngine engine;

  private CrashTestEngineMain(Path dir, int epoch, String killAfter) throws IOException {
    this.dir = dir;
    this.epoch = epoch;
    this.log = new Log(dir.resolve("activity.log"), epoch);
    log.write("boot");
    // More workers than cores: more branches of one execution stepped at the same time.
    EngineOptions options = EngineOptions.durable(dir.resolve("engine.db")).withWorkerThreads(4);
    if (!killAfter.isEmpty()) {
      String[] spec = killAfter.split(":");
      options = options.withListener(killAfter(spec[0], Integer.parseInt(spec[1]), log));
    }
    this.engine = LocalEngine.open(options);
    this.callbacks = new Callbacks(log, engine);
  }

  public static void main(String[] args) throws Exception {
    boolean last = args.length > 2 && args[2].equals("final");
    String killAfter = args.length > 2 && !last ? args[2] : "";
    new CrashTestEngineMain(Path.of(args[0]), Integer.parseInt(args[1]), killAfter).run(last);
  }

  /**
   * A listener that SIGKILLs this process when told of the {@code count}-th event of type {@code
   * type} ({@code *}: of any type), that is right after the commit that recorded it and before the
   * rest of the commit's follow-on actions, which wait on this thread: the narrow windows a kill at
   * a random time seldom hits.
   */
  private static ExecutionListener killAfter(String type, int count, Log log) {
    AtomicInteger seen = new AtomicInteger();
    return (arn, event) -> {
      if (!(type.equals("*") || type.equals(event.type())) || seen.incrementAndGet() != count) {
        return;
      }
      log.write("self-kill", type + ":" + count, event.type());
      try {
        String pid = String.valueOf(ProcessHandle.current().pid());
        new ProcessBuilder("kill", "-KILL", pid).start().waitFor();
        Thread.sleep(60_000);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private void run(boolean last) throws Exception {
    engine.registerLambda("work", work());
    engine.registerLambda("slow", slow());
    engine.registerLambda("approve", approve());
    CrashScenarios.DEFINITIONS.forEach(engine::createStateMachine);
    callbacks.loadEarlierTokens();
    engine.resumeUnfinished();
    log.write("resumed");
    Thread completer = new Thread(callbacks::run, "crash-test-completer");
    completer.setDaemon(true);
    completer.start();
    long deadline =
        System.currentTimeMillis() + (last ? FINAL_LIMIT_MILLIS : NOT_FINAL_LIMIT_MILLIS);
    Map<String, Request> requests = new LinkedHashMap<>();
    Set<String> finished = new HashSet<>();
    while (System.currentTimeMillis() < deadline) {
      for (String line : completeLines(dir.resolve("requests.txt"))) {
        Request request = Request.parse(line);
        if (requests.putIfAbsent(request.name(), request) == null) {
          engine.startExecution(request.machine(), request.name(), request.input().toString());
          log.write("started", request.name());
        }
      }
      if (last) {
        for (Request request : requests.values()) {
          if (!finished.contains(request.name())
              && engine.describe(request.arn()).orElseThrow().status().isTerminal()) {
            finished.add(request.name());
          }
        }
        if (finished.size() == requests.size()) {
          engine.close();
          log.write("closed");
          System.exit(0);
        }
      }
      Thread.sleep(20);
    }
    log.write("gave-up");
    System.exit(3);
  }

  private JsonFunctionHandler work() {
    return new JsonFunctionHandler(
        (in, ctx) -> {
          String key = in.get("key").asText();
          log.write("invoke", key);
          Thread.sleep(CrashScenarios.delayMillis(key));
          if (in.path("bad").asBoolean()) {
            throw new CrashScenarios.Boom();
          }
          if (in.path("flaky").asBoolean() && in.path("retry").asInt() == 0) {
            throw new CrashScenarios.Flaky();
          }
          return JSON.createObjectNode().put("v", CrashScenarios.square(in.get("n").asInt()));
        });
  }

  private JsonFunctionHandler slow() {
    return new JsonFunctionHandler(
        (in, ctx) -> {
          log.write("invoke", in.get("key").asText());
          Thread.sleep(CrashScenarios.SLOW_MILLIS);
          return JSON.createObjectNode();
        });
  }

  /** The callback activity: hands its token to {@link Callbacks}, which answers it later. */
  private JsonFunctionHandler approve() {
    return new JsonFunctionHandler(
        (in, ctx) -> {
          String key = in.get("key").asText();
          String token = in.get("token").asText();
          int n = in.get("n").asInt();
          long now = System.currentTimeMillis();
          log.write("invoke", key);
          log.write("token", key, String.valueOf(n), token, String.valueOf(now));
          callbacks.offer(key, n, token, now);
          return JSON.createObjectNode();
        });
  }

  /** The complete lines of a file another process appends to; a partial last line waits. */
  static List<String> completeLines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n');
    List<String> lines = new ArrayList<>();
    for (String line : text.substring(0, end + 1).split("\n")) {
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    return lines;
  }

  /**
   * Answers callback tokens once they are due: approves or rejects each as {@link
   * CrashScenarios#rejects} says. Logs {@code send} before and {@code ack} after a call the engine
   * accepted, {@code refused} when it refused one. A token acknowledged by an earlier process is
   * never sent again: an acknowledged completion must have been durable. A token sent without an
   * acknowledgement (the process died in between) is sent again.
   */
  static final class Callbacks {
    private record Pending(String key, int n, long dueMillis) {}

    private final Log log;
    private final LocalEngine engine;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Set<String> settled = new HashSet<>();
    private final Set<String> sentBefore = new HashSet<>();

    Callbacks(Log log, LocalEngine engine) {
      this.log = log;
      this.engine = engine;
    }

    /** Takes the tokens, sends and acknowledgements that earlier processes logged. */
    synchronized void loadEarlierTokens() throws IOException {
      List<String[]> tokens = new ArrayList<>();
      for (String line : completeLines(log.file)) {
        String[] f = line.split("\t");
        switch (f[0]) {
          case "token" -> tokens.add(f);
          case "send" -> sentBefore.add(f[2]);
          case "ack", "refused" -> settled.add(f[2]);
          default -> {}
        }
      }
      for (String[] f : tokens) {
        offer(f[2], Integer.parseInt(f[3]), f[4], Long.parseLong(f[5]));
      }
    }

    synchronized void offer(String key, int n, String token, long issuedMillis) {
      if (!settled.contains(token) && !pending.containsKey(token)) {
        pending.put(token, new Pending(key, n, issuedMillis + CrashScenarios.delayMillis(key)));
      }
    }

    void run() {
      while (true) {
        for (Map.Entry<String, Pending> due : due()) {
          send(due.getKey(), due.getValue());
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private synchronized List<Map.Entry<String, Pending>> due() {
      long now = System.currentTimeMillis();
      List<Map.Entry<String, Pending>> due = new ArrayList<>();
      for (Map.Entry<String, Pending> entry : pending.entrySet()) {
        if (entry.getValue().dueMillis() <= now) {
          due.add(Map.entry(entry.getKey(), entry.getValue()));
        }
      }
      return due;
    }

    private void send(String token, Pending p) {
      log.write("send", token);
      try {
        if (CrashScenarios.rejects(p.key(), p.n())) {
          engine.sendTaskFailure(token, "Rejected", "no " + p.key());
        } else {
          engine.sendTaskSuccess(token, CrashScenarios.approval(p.key()));
        }
        log.write("ack", token);
      } catch (RuntimeException e) {
        boolean unknown;
        synchronized (this) {
          unknown = sentBefore.contains(token);
        }
        log.write("refused", token, String.valueOf(unknown), String.valueOf(e));
      }
      synchronized (this) {
        settled.add(token);
        pending.remove(token);
      }
    }
  }

  /**
   * The activity log, appended to by every process of a lane in turn. Each line is one {@code
   * write}, which SIGKILL does not cut short; a process starts with a newline all the same.
   *
   * <ul>
   *   <li>{@code boot E}, {@code resumed E}, {@code closed E}: the process of epoch E
   *   <li>{@code invoke E KEY}: an activity invocation started
   *   <li>{@code token E KEY N TOKEN MILLIS}: a callback activity received TOKEN
   *   <li>{@code send E TOKEN}, {@code ack E TOKEN}: a callback answer sent, and accepted
   *   <li>{@code refused E TOKEN SENT_BEFORE ERROR}: a callback answer refused
   *   <li>{@code started E NAME}: startExecution returned
   *   <li>{@code self-kill E TYPE:COUNT TYPE}: the process kills itself after that event
   * </ul>
   */
  static final class Log {
    final Path file;
    private final String epoch;
    private final FileChannel channel;

    Log(Path file, int epoch) throws IOException {
      this.file = file;
      this.epoch = String.valueOf(epoch);
      this.channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
    }

    synchronized void write(String kind, String... fields) {
      StringBuilder line = new StringBuilder(kind).append('\t').append(epoch);
      for (String field : fields) {
        line.append('\t').append(field.replace('\t', ' ').replace('\n', ' '));
      }
      line.append('\n');
      try {
        channel.write(ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
