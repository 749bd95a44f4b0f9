package golden.formatting;

public class LabelsImpl implements Labels {
  @Override
  public String tag(int quantity) {
    return "#" + quantity;
  }
}
