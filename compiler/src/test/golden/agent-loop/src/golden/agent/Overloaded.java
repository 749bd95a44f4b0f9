package golden.agent; public class Overloaded extends RuntimeException { public Overloaded(String m) { super(m); } }
