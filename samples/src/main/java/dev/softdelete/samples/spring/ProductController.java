package dev.softdelete.samples.spring;

import dev.softdelete.hibernate.HibernateSoftDelete;
import dev.softdelete.hibernate.listing.DeletedItemsPage;
import dev.softdelete.hibernate.listing.DeletedItemsQuery;
import dev.softdelete.hibernate.restore.RestoreResult;
import dev.softdelete.samples.catalogue.CatalogueProduct;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Products: the application's ordinary reads and deletes (plain Spring Data; {@code delete} is
 * soft because the entity is {@code @SoftDeletable}, its attributes and asset links follow by
 * cascade), and the administrative side from {@link HibernateSoftDelete}.
 */
@RestController
@RequestMapping("/products")
class ProductController {

    /** A product as the API shows it. */
    record ProductView(long id, String sku, String name) {
        static ProductView of(CatalogueProduct p) {
            return new ProductView(p.id, p.sku, p.name);
        }
    }

    private final ProductRepository products;
    private final HibernateSoftDelete softDelete;

    ProductController(ProductRepository products, HibernateSoftDelete softDelete) {
        this.products = products;
        this.softDelete = softDelete;
    }

    /** Active products. */
    @GetMapping
    List<ProductView> active() {
        return products.findAll(Sort.by("id")).stream().map(ProductView::of).toList();
    }

    /** One active product; 404 when deleted or unknown. */
    @GetMapping("/{id}")
    ProductView one(@PathVariable long id) {
        return products.findById(id).map(ProductView::of).orElseThrow(() -> notFound(id));
    }

    /** Soft-deletes a product with its attributes and asset links: {@code repository.delete}, nothing else. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@PathVariable long id) {
        products.delete(products.findById(id).orElseThrow(() -> notFound(id)));
    }

    /** Deleted products, newest deletion first, with who deleted them. */
    @GetMapping("/deleted")
    DeletedItemsPage deleted(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return softDelete.deletedItems(CatalogueProduct.class, DeletedItemsQuery.page(page, size));
    }

    /** Restores a product and exactly the children its deletion took; 409 when its SKU is taken again. */
    @PostMapping("/{id}/restore")
    RestoreResult restore(@PathVariable long id) {
        return softDelete.restore(CatalogueProduct.class, id);
    }

    /** Removes a product (deleted or not) and its children for good; audited. */
    @DeleteMapping("/{id}/permanent")
    PermanentDeletion permanent(@PathVariable long id) {
        return new PermanentDeletion(CatalogueProduct.class.getSimpleName(), id,
                softDelete.hardDelete(CatalogueProduct.class, id));
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No active product " + id);
    }
}
