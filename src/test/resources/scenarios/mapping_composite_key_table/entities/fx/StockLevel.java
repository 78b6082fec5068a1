package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "stock_level")
public class StockLevel {
  @EmbeddedId StockKey id;
  @MapsId("warehouseId") @ManyToOne
  @JoinColumn(name = "warehouse_id", foreignKey = @ForeignKey(name = "fk_stock_level_warehouse")) Warehouse warehouse;
  @Column(nullable = false) int quantity;
}
