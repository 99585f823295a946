export * from './UsersList'
