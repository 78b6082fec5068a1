package fx.ck;

import java.io.Serializable;

public class StockKey implements Serializable {
  String sku;
  String warehouse;
}
