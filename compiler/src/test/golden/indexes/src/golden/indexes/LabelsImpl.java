package golden.indexes;

public class LabelsImpl implements Labels {
  @Override
  public String label(String s) {
    return "<" + s + ">";
  }
}
