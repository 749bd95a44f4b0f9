package dev.statecraft.server;

import dev.statecraft.adapters.StrictJson;
import dev.statecraft.callbacks.CallbackReceiver;
import dev.statecraft.manifest.DeploymentManifest;

/** The routes a compiled project adds to a local endpoint, built as the cloud builds them. */
final class ProjectRoutes {
  private ProjectRoutes() {}

  /** The typed callback route of the project's waits, over the engine's task tokens. */
  static CallbackReceiver callbacks(
      DeploymentManifest manifest, ClassLoader classes, TaskOperations tasks) {
    return new CallbackReceiver(
        manifest, (type, json) -> StrictJson.mismatch(type, json, classes), new EngineTasks(tasks));
  }
}
