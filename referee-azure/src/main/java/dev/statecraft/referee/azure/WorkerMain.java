package dev.statecraft.referee.azure;

import java.nio.file.Path;

/**
 * A worker process of its own, for tests that kill one mid-orchestration: {@code WorkerMain SOURCES
 * WORK_DIR PORT HOSTING} compiles the project for Azure, hosts its functions on the engine at
 * 127.0.0.1:PORT, prints {@code ready}, then {@code attempt NAME} after each activity execution
 * (before its result goes back to the engine), and runs until killed.
 */
public final class WorkerMain {
  private WorkerMain() {}

  public static void main(String[] args) throws InterruptedException {
    AzureApp app = AzureApp.compile(Path.of(args[0]), Path.of(args[1]));
    FunctionsHost host =
        new FunctionsHost(
            app,
            Integer.parseInt(args[2]),
            Hosting.valueOf(args[3]),
            attempt -> {
              System.out.println("attempt " + attempt.activity());
              System.out.flush();
            });
    System.out.println("ready");
    System.out.flush();
    Thread.currentThread().join();
    host.close();
  }
}
