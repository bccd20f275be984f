// Pod IPs from the node's pod range, as kind's host-local IPAM hands them out: from .2 upward,
// round-robin, never two pods at once on one address.

export class IpAllocator {
  private readonly base: number[];
  private readonly size: number;
  private next = 2;
  private used = new Set<string>();

  constructor(cidr: string) {
    const [address, bits] = cidr.split('/');
    this.base = address.split('.').map(Number);
    this.size = 2 ** (32 - Number(bits));
  }

  allocate(): string {
    for (let tried = 0; tried < this.size; tried++) {
      const offset = this.next;
      this.next = this.next + 1 >= this.size - 1 ? 2 : this.next + 1;
      const ip = this.address(offset);
      if (!this.used.has(ip)) {
        this.used.add(ip);
        return ip;
      }
    }
    throw new Error('failed to allocate for range 0: no IP addresses available in range set');
  }

  /** Marks an address in use (pods found running after a kubelet restart). */
  reserve(ip: string): void {
    this.used.add(ip);
  }

  release(ip: string): void {
    this.used.delete(ip);
  }

  private address(offset: number): string {
    const value = ((this.base[0] << 24) | (this.base[1] << 16) | (this.base[2] << 8) | this.base[3]) + offset;
    return [(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
  }
}
