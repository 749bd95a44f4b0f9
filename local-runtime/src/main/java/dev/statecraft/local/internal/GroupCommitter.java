package dev.statecraft.local.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Commits for a durable engine, one transaction at a time, in the order batches were handed over.
 * Under load a worker hands its batch over and goes on stepping other branches, and the commit
 * thread writes every batch that piled up meanwhile in one transaction (group commit). When the
 * engine is quiet (nothing else waits to be stepped) and nothing is being committed, the thread
 * handing a batch over commits it itself at once, so a lone execution pays no thread hand-off.
 * Either way a batch's after-commit actions, which are what let a branch continue, run only once it
 * is committed: every transition is committed before the next state of its branch starts, while
 * under load the cost of a transaction is shared by many executions.
 */
final class GroupCommitter implements AutoCloseable {
  private static final int MAX_BATCHES_PER_TRANSACTION = 512;

  private final SqliteExecutionStore store;
  private final BooleanSupplier quiet;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition handedOver = lock.newCondition();
  private final ArrayDeque<Submission> pending = new ArrayDeque<>();
  private final Thread thread;
  private final ThreadLocal<Boolean> runningActions = ThreadLocal.withInitial(() -> false);
  private boolean committing;
  private boolean closed;

  /** A batch; {@code committed} runs after its actions, {@code done} completes last. */
  private record Submission(CommitBatch batch, Runnable committed, CompletableFuture<Void> done) {}

  /**
   * @param quiet whether no other work is waiting, so that a worker may spend the time of a commit
   */
  GroupCommitter(SqliteExecutionStore store, BooleanSupplier quiet) {
    this.store = store;
    this.quiet = quiet;
    this.thread = new Thread(this::run, "statecraft-commit");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Commits {@code batch} now or soon; then runs its after-commit actions and {@code committed}.
   */
  void submit(CommitBatch batch, Runnable committed) {
    handOver(new Submission(batch, committed, null), quiet.getAsBoolean());
  }

  /**
   * Commits {@code batch} and runs its after-commit actions before returning. Called from an
   * after-commit action (a listener answering a task token, say), it only hands the batch over:
   * this thread holds up the commit it would wait for.
   */
  void commit(CommitBatch batch) {
    if (runningActions.get()) {
      handOver(new Submission(batch, null, null), false);
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    handOver(new Submission(batch, null, done), true);
    try {
      done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while committing", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    }
  }

  private void handOver(Submission submission, boolean inline) {
    submission.batch.seal();
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("the engine is closed");
      }
      List<Submission> alone = List.of(submission);
      if (committing || !pending.isEmpty() || !inline || committable(alone).isEmpty()) {
        pending.add(submission);
        handedOver.signal();
        return;
      }
      take(alone);
      committing = true;
    } finally {
      lock.unlock();
    }
    commitGroup(List.of(submission));
    finishCommitting();
  }

  private void run() {
    List<Submission> group = new ArrayList<>();
    while (true) {
      lock.lock();
      try {
        while (true) {
          while (committing || (pending.isEmpty() && !closed)) {
            handedOver.awaitUninterruptibly();
          }
          if (pending.isEmpty()) {
            return;
          }
          group.clear();
          group.addAll(nextGroup());
          if (!group.isEmpty()) {
            break;
          }
          if (closed) {
            abandonPending();
            return;
          }
          handedOver.awaitUninterruptibly();
        }
        take(group);
        committing = true;
      } finally {
        lock.unlock();
      }
      commitGroup(group);
      finishCommitting();
    }
  }

  /**
   * The pending batches to commit next, in hand-over order: at most {@link
   * #MAX_BATCHES_PER_TRANSACTION} unless more are needed to commit anything.
   */
  private List<Submission> nextGroup() {
    List<Submission> first = new ArrayList<>();
    for (Submission submission : pending) {
      if (first.size() == MAX_BATCHES_PER_TRANSACTION) {
        break;
      }
      first.add(submission);
    }
    List<Submission> group = committable(first);
    return group.isEmpty() && first.size() < pending.size()
        ? committable(new ArrayList<>(pending))
        : group;
  }

  /**
   * The candidates whose journal records continue their executions' committed journals without a
   * gap, counting the records of the other candidates kept. Workers number an execution's records
   * when they step it but hand their batches over after stepping others too, so a later record can
   * arrive first; committed first, a crash before the earlier one would leave the journal a record
   * short, and the history with event ids missing. Such a batch waits for the earlier record, or
   * commits in one transaction with it when each needs a record of the other.
   */
  private static List<Submission> committable(List<Submission> candidates) {
    List<Submission> kept = new ArrayList<>(candidates);
    boolean removed = true;
    while (removed && !kept.isEmpty()) {
      Map<Execution, Set<Long>> seqs = new HashMap<>();
      for (Submission submission : kept) {
        for (CommitBatch.JournalRecord record : submission.batch.records()) {
          seqs.computeIfAbsent(record.owner(), e -> new HashSet<>()).add(record.seq());
        }
      }
      Map<Execution, Long> reach = new HashMap<>();
      seqs.forEach(
          (execution, numbers) -> {
            long last = execution.committedSeq;
            while (numbers.contains(last + 1)) {
              last++;
            }
            reach.put(execution, last);
          });
      removed =
          kept.removeIf(
              submission ->
                  submission.batch.records().stream()
                      .anyMatch(record -> record.seq() > reach.get(record.owner())));
    }
    return kept;
  }

  /** Takes {@code group} out of the pending batches and counts its records as committed. */
  private void take(List<Submission> group) {
    Set<Submission> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    taken.addAll(group);
    pending.removeIf(taken::contains);
    for (Submission submission : group) {
      for (CommitBatch.JournalRecord record : submission.batch.records()) {
        record.owner().committedSeq = Math.max(record.owner().committedSeq, record.seq());
      }
    }
  }

  /** Drops what waits for a record that will not come now that the engine is closed. */
  private void abandonPending() {
    for (Submission submission : pending) {
      if (submission.done != null) {
        submission.done.completeExceptionally(new IllegalStateException("the engine is closed"));
      }
    }
    pending.clear();
  }

  private void finishCommitting() {
    lock.lock();
    try {
      committing = false;
      handedOver.signal();
    } finally {
      lock.unlock();
    }
  }

  private void commitGroup(List<Submission> group) {
    List<CommitBatch> batches = new ArrayList<>(group.size());
    for (Submission submission : group) {
      batches.add(submission.batch);
    }
    try {
      store.commit(batches);
    } catch (RuntimeException e) {
      for (Submission submission : group) {
        if (submission.done != null) {
          submission.done.completeExceptionally(e);
        }
      }
      report(e);
      return;
    }
    runningActions.set(true);
    try {
      for (Submission submission : group) {
        for (Runnable action : submission.batch.afterCommit) {
          try {
            action.run();
          } catch (RuntimeException e) {
            report(e);
          }
        }
        if (submission.committed != null) {
          submission.committed.run();
        }
        if (submission.done != null) {
          submission.done.complete(null);
        }
      }
    } finally {
      runningActions.set(false);
    }
  }

  private static void report(RuntimeException e) {
    Thread current = Thread.currentThread();
    current.getUncaughtExceptionHandler().uncaughtException(current, e);
  }

  /** Commits what was handed over so far, then stops the commit thread. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      handedOver.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
