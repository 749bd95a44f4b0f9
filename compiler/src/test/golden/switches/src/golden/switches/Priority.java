package golden.switches;

public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
