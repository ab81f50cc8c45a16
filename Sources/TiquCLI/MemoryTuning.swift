#if canImport(Glibc)
import Glibc
#endif

/// Tells glibc's allocator to keep the memory a document's annotation frees, for the
/// next phase and the next document to reuse.
///
/// Why: each phase of a long document builds arrays of its length (the lattice's
/// offsets and edges, the resolver's tables, the entities) and frees the previous
/// ones. By default glibc serves blocks above 128 KB with mappings of their own and
/// hands freed memory at the top of the heap back to the kernel, so every phase faulted
/// in fresh, zeroed pages again. Blocks up to 32 MB (glibc's ceiling for this setting)
/// now come from the heap, the heap grows 64 MB at a time, and up to 512 MB of freed
/// heap is kept. Peak memory is what one document needs at once either way; the
/// process only gives less of it back between phases and documents.
enum MemoryTuning {
    static func keepFreedMemory() {
        #if canImport(Glibc)
        // mallopt is declared in <malloc.h>, which the Glibc module does not export;
        // looked up by name and called through a C function pointer instead.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let (trimThreshold, topPad, mmapThreshold): (Int32, Int32, Int32) = (-1, -2, -3)   // M_* in <malloc.h>
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, 512 << 20)
        _ = mallopt(topPad, 64 << 20)
        #endif
    }
}
