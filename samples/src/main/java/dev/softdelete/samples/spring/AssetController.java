package dev.softdelete.samples.spring;

import dev.softdelete.hibernate.HibernateSoftDelete;
import dev.softdelete.hibernate.listing.DeletedItemsPage;
import dev.softdelete.hibernate.listing.DeletedItemsQuery;
import dev.softdelete.hibernate.restore.RestoreResult;
import dev.softdelete.samples.catalogue.CatalogueAsset;
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
 * Assets: the application's ordinary reads and deletes (plain Spring Data; {@code delete} is
 * soft because the entity is {@code @SoftDeletable}, its product links follow by cascade), and
 * the administrative side from {@link HibernateSoftDelete}.
 */
@RestController
@RequestMapping("/assets")
class AssetController {

    /** An asset as the API shows it. */
    record AssetView(long id, String url) {
        static AssetView of(CatalogueAsset a) {
            return new AssetView(a.id, a.url);
        }
    }

    private final AssetRepository assets;
    private final HibernateSoftDelete softDelete;

    AssetController(AssetRepository assets, HibernateSoftDelete softDelete) {
        this.assets = assets;
        this.softDelete = softDelete;
    }

    /** Active assets. */
    @GetMapping
    List<AssetView> active() {
        return assets.findAll(Sort.by("id")).stream().map(AssetView::of).toList();
    }

    /** One active asset; 404 when deleted or unknown. */
    @GetMapping("/{id}")
    AssetView one(@PathVariable long id) {
        return assets.findById(id).map(AssetView::of).orElseThrow(() -> notFound(id));
    }

    /** Soft-deletes an asset with its product links: {@code repository.delete}, nothing else. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@PathVariable long id) {
        assets.delete(assets.findById(id).orElseThrow(() -> notFound(id)));
    }

    /** Deleted assets, newest deletion first, with who deleted them. */
    @GetMapping("/deleted")
    DeletedItemsPage deleted(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return softDelete.deletedItems(CatalogueAsset.class, DeletedItemsQuery.page(page, size));
    }

    /** Restores an asset and exactly the links its deletion took; 409 when its URL is taken again. */
    @PostMapping("/{id}/restore")
    RestoreResult restore(@PathVariable long id) {
        return softDelete.restore(CatalogueAsset.class, id);
    }

    /** Removes an asset (deleted or not) and its links for good; audited. */
    @DeleteMapping("/{id}/permanent")
    PermanentDeletion permanent(@PathVariable long id) {
        return new PermanentDeletion(CatalogueAsset.class.getSimpleName(), id,
                softDelete.hardDelete(CatalogueAsset.class, id));
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No active asset " + id);
    }
}
