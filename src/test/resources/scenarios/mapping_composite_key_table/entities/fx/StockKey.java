package fx;

import jakarta.persistence.*;
import java.io.Serializable;

@Embeddable
public class StockKey implements Serializable {
  @Column(name = "warehouse_id") Long warehouseId;
  @Column(length = 32) String sku;
}
