package dev.softdelete.hibernate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.cache.cfg.spi.DomainDataRegionBuildingContext;
import org.hibernate.cache.cfg.spi.DomainDataRegionConfig;
import org.hibernate.cache.internal.DefaultCacheKeysFactory;
import org.hibernate.cache.spi.support.DomainDataRegionImpl;
import org.hibernate.cache.spi.support.DomainDataStorageAccess;
import org.hibernate.cache.spi.support.RegionFactoryTemplate;
import org.hibernate.cache.spi.support.StorageAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/** An in-memory second-level and query cache for tests (as hibernate-testing's CachingRegionFactory). */
public final class MapRegionFactory extends RegionFactoryTemplate {

    @Override
    protected void prepareForUse(SessionFactoryOptions settings, Map<String, Object> configValues) {
    }

    @Override
    public org.hibernate.cache.spi.DomainDataRegion buildDomainDataRegion(DomainDataRegionConfig config,
            DomainDataRegionBuildingContext context) {
        return new DomainDataRegionImpl(config, this, new MapStorage(), DefaultCacheKeysFactory.INSTANCE, context);
    }

    @Override
    protected StorageAccess createQueryResultsRegionStorageAccess(String name, SessionFactoryImplementor factory) {
        return new MapStorage();
    }

    @Override
    protected StorageAccess createTimestampsRegionStorageAccess(String name, SessionFactoryImplementor factory) {
        return new MapStorage();
    }

    @Override
    protected void releaseFromUse() {
    }

    private static final class MapStorage implements DomainDataStorageAccess {
        private final Map<Object, Object> data = new ConcurrentHashMap<>();

        @Override
        public Object getFromCache(Object key, SharedSessionContractImplementor session) {
            return data.get(key);
        }

        @Override
        public void putIntoCache(Object key, Object value, SharedSessionContractImplementor session) {
            data.put(key, value);
        }

        @Override
        public boolean contains(Object key) {
            return data.containsKey(key);
        }

        @Override
        public void evictData() {
            data.clear();
        }

        @Override
        public void evictData(Object key) {
            data.remove(key);
        }

        @Override
        public void release() {
            data.clear();
        }
    }
}
