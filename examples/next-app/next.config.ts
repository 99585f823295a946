import type { NextConfig } from 'next'

// As create-next-app 16 writes it: with Cache Components, a page that reads request data does so inside <Suspense>.
const nextConfig: NextConfig = {
  cacheComponents: true,
  partialPrefetching: true,
}

export default nextConfig
