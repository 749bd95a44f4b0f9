package golden.agent; public enum Verdict { DONE, RETRY, ESCALATE }
