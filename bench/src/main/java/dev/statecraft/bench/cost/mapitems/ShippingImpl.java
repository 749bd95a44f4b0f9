package dev.statecraft.bench.cost.mapitems;

/** A tracking label per item. */
public class ShippingImpl implements Shipping {
  @Override
  public String ship(String orderId, Item item) {
    return orderId + "/" + item.sku() + "x" + item.quantity();
  }
}
